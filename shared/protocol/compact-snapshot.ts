/**
 * What a new viewer receives over the socket (state:snapshot): only what
 * changes on the night. The reference data (seats with their baselines,
 * parties, party continuity, candidate lists) is fetched once from
 * GET /api/elections/:e/reference and cached; outcomes are not sent but
 * recomputed with the same seatState the server uses. expandSnapshot gives
 * back exactly the ElectionState that GET /api/elections/:e/state answers.
 */
import { z } from 'zod';
import { seatState } from '../domain/seat-state.ts';
import {
  DeclarationSource,
  Election,
  HouseSummary,
  Party,
  PartyCode,
  PartyContinuity,
  ScreenSettings,
  Seat,
  SeatCode,
  VersionKind,
  type Declaration,
  type ElectionState,
  type SeatState,
} from './schemas.ts';

/** Everything about a night that does not change with a declaration; referenceVersion is a hash of the rest. */
export const NightReference = z.object({
  referenceVersion: z.string().min(1),
  seats: z.array(Seat),
  parties: z.array(Party),
  continuity: PartyContinuity,
  /** Candidate lists imported before the night, by seat code (may be empty). */
  candidates: z.record(z.string(), z.array(z.object({ name: z.string(), party: PartyCode }))),
});
export type NightReference = z.infer<typeof NightReference>;

/**
 * [name, party, votes]. The name is a number where the seat's known names
 * (its candidate list, then its baseline candidates) hold it: the index there.
 */
const CompactCandidate = z.tuple([z.union([z.number().int().min(0), z.string()]), PartyCode, z.number().int().min(0)]);

const CompactDeclaration = z.object({
  candidates: z.array(CompactCandidate),
  electorate: z.number().int().optional(),
  rejected: z.number().int().optional(),
  validVotes: z.number().int().optional(),
  declaredAt: z.string().optional(),
  winnerByLot: z.string().optional(),
  source: DeclarationSource.optional(),
  /** Omitted where it equals the seat's updatedAt (always, as the server stores it). */
  enteredAt: z.string().optional(),
  enteredBy: z.string(),
});

/**
 * [code] for a seat with no version yet, else [code, version, lastChange,
 * lastReason, updatedAt, declaration]; the status follows from these (seatState).
 */
export const CompactSeat = z.union([
  z.tuple([SeatCode]),
  z.tuple([SeatCode, z.number().int().min(1), VersionKind, z.string().nullable(), z.string(), CompactDeclaration.nullable()]),
]);
export type CompactSeat = z.infer<typeof CompactSeat>;

export const CompactSnapshot = z.object({
  election: Election,
  screen: ScreenSettings,
  house: HouseSummary,
  seq: z.number().int().min(0),
  generatedAt: z.string(),
  /** The reference these seats are read against: fetch it again when it differs from the one held. */
  referenceVersion: z.string().min(1),
  seats: z.array(CompactSeat),
});
export type CompactSnapshot = z.infer<typeof CompactSnapshot>;

type ReferenceParts = Pick<NightReference, 'referenceVersion' | 'seats' | 'candidates'>;

/** Each seat's known names, in the order a compact candidate's number counts them. */
function knownNames(reference: Pick<NightReference, 'seats' | 'candidates'>): Map<string, string[]> {
  return new Map(
    reference.seats.map((seat) => [
      seat.code,
      [
        ...(reference.candidates[seat.code] ?? []).map((c) => c.name),
        ...(seat.baseline.votes ?? []).flatMap((v) => (v.name ? [v.name] : [])),
      ],
    ]),
  );
}

// A reference is read many times a night (every update): its lookups are built once per reference.
const namesByReference = new WeakMap<object, Map<string, string[]>>();
const seatsByReference = new WeakMap<object, Map<string, Seat>>();

function namesOf(reference: ReferenceParts): Map<string, string[]> {
  let names = namesByReference.get(reference);
  if (!names) namesByReference.set(reference, (names = knownNames(reference)));
  return names;
}

function seatsOf(reference: NightReference): Map<string, Seat> {
  let seats = seatsByReference.get(reference);
  if (!seats) seatsByReference.set(reference, (seats = new Map(reference.seats.map((seat) => [seat.code, seat]))));
  return seats;
}

/** One seat's state in compact form, its candidates' names as numbers where the reference knows them. */
export function compactSeat(s: SeatState, reference: ReferenceParts): CompactSeat {
  if (s.version === 0 || s.lastChange === null || s.updatedAt === null) return [s.code];
  const d = s.declaration;
  if (!d) return [s.code, s.version, s.lastChange, s.lastReason, s.updatedAt, null];
  const known = namesOf(reference).get(s.code) ?? [];
  const candidates = d.candidates.map((c): z.infer<typeof CompactCandidate> => {
    const index = known.indexOf(c.name);
    return [index >= 0 ? index : c.name, c.party, c.votes];
  });
  const { candidates: _full, enteredAt, ...rest } = d;
  const declaration = { candidates, ...rest, ...(enteredAt !== s.updatedAt && { enteredAt }) };
  return [s.code, s.version, s.lastChange, s.lastReason, s.updatedAt, declaration];
}

/** The seat's whole state, outcome recomputed with the same seatState the server uses. */
export function expandSeat(entry: CompactSeat, reference: NightReference): SeatState {
  const seat = seatsOf(reference).get(entry[0]);
  if (!seat) throw new Error(`seats: ${entry[0]} is not in reference ${reference.referenceVersion}: fetch the reference again`);
  const { continuity } = reference;
  if (entry.length === 1) return seatState({ seat, latest: null, continuity });
  const [code, version, kind, reason, updatedAt, declaration] = entry;
  const known = namesOf(reference).get(code) ?? [];
  if (declaration?.candidates.some(([name]) => typeof name === 'number' && known[name] === undefined)) {
    throw new Error(`seats: ${code} names a candidate its reference does not list: fetch the reference again`);
  }
  return seatState({
    seat,
    latest: {
      version,
      kind,
      reason,
      enteredAt: updatedAt,
      declaration: declaration && expandDeclaration(declaration, known, updatedAt),
    },
    continuity,
  });
}

export function compactSnapshot(state: ElectionState, reference: ReferenceParts): CompactSnapshot {
  const seats = state.seatStates.map((s) => compactSeat(s, reference));
  return {
    election: state.election,
    screen: state.screen,
    house: state.house,
    seq: state.seq,
    generatedAt: state.generatedAt,
    referenceVersion: reference.referenceVersion,
    seats,
  };
}

/** Keys in the order the server's Declaration has them, undefined ones left out, so digests of the two agree. */
function expandDeclaration(d: z.infer<typeof CompactDeclaration>, known: readonly string[], updatedAt: string): Declaration {
  const declaration: Record<string, unknown> = {
    candidates: d.candidates.map(([name, party, votes]) => ({
      name: typeof name === 'number' ? known[name] : name,
      party,
      votes,
    })),
  };
  const rest = { ...d, enteredAt: d.enteredAt ?? updatedAt };
  for (const key of ['electorate', 'rejected', 'validVotes', 'declaredAt', 'winnerByLot', 'source', 'enteredAt', 'enteredBy'] as const) {
    if (rest[key] !== undefined) declaration[key] = rest[key];
  }
  return declaration as Declaration;
}

export function expandSnapshot(compact: CompactSnapshot, reference: NightReference): ElectionState {
  const seatStates = compact.seats.map((entry) => expandSeat(entry, reference));
  return {
    election: compact.election,
    seats: reference.seats,
    seatStates,
    parties: reference.parties,
    house: compact.house,
    seq: compact.seq,
    generatedAt: compact.generatedAt,
    screen: compact.screen,
  };
}
