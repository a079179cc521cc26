/**
 * What a new viewer receives over the socket (state:snapshot): only what
 * changes on the night. The reference data (seats with their baselines,
 * parties, party continuity, candidate lists) is fetched once from
 * GET /api/elections/:e/reference and cached; outcomes are not sent but
 * recomputed with the same seatState the server uses. expandSnapshot gives
 * back exactly the ElectionState that GET /api/elections/:e/state answers.
 */
import { declaredSeat, houseSummary } from '../domain/party-table.ts';
import { seatState } from '../domain/seat-state.ts';
import type { CompactCandidate, CompactDeclaration, CompactSeat, CompactSnapshot, NightReference } from './compact-schemas.ts';
import type { Declaration, ElectionState, HouseSummary, Seat, SeatState } from './schemas.ts';

export type { CompactSeat, CompactSnapshot, NightReference } from './compact-schemas.ts';

type ReferenceParts = Pick<NightReference, 'referenceVersion' | 'seats' | 'candidates' | 'names'>;

/**
 * Each seat's known names, in the order a compact candidate's number counts them: its candidate list's,
 * then its baseline candidates'. A lean reference (lean-night.ts) holds neither: its one is the MP's.
 */
function knownNames(reference: Pick<NightReference, 'seats' | 'candidates' | 'names'>): Map<string, string[]> {
  if (reference.names === 'winners') return new Map(reference.seats.map((seat) => [seat.code, seat.baseline.mp ? [seat.baseline.mp] : []]));
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

/** Each seat's known names as a compact candidate's number counts them (a lean reference keeps fewer: lean-night.ts). */
export function namesOf(reference: Pick<NightReference, 'seats' | 'candidates' | 'names'>): Map<string, string[]> {
  let names = namesByReference.get(reference);
  if (!names) namesByReference.set(reference, (names = knownNames(reference)));
  return names;
}

function seatsOf(reference: NightReference): Map<string, Seat> {
  let seats = seatsByReference.get(reference);
  if (!seats) seatsByReference.set(reference, (seats = new Map(reference.seats.map((seat) => [seat.code, seat]))));
  return seats;
}

/**
 * One seat's state in compact form, its candidates' names as numbers where the reference knows them
 * (`namesInFull`: every name as it is, readable against any reference of the night, lean or not).
 */
export function compactSeat(s: SeatState, reference: ReferenceParts, { namesInFull = false } = {}): CompactSeat {
  if (s.version === 0 || s.lastChange === null || s.updatedAt === null) return [s.code];
  const d = s.declaration;
  if (s.rush) {
    const { label: _label, gainFor: _gain, lossFor: _loss, enteredAt: _at, ...rush } = s.rush;
    return [s.code, s.version, 'rushed', s.lastReason, s.updatedAt, null, rush];
  }
  if (!d) return [s.code, s.version, s.lastChange, s.lastReason, s.updatedAt, null];
  const known = namesInFull ? [] : (namesOf(reference).get(s.code) ?? []);
  const candidates = d.candidates.map((c): CompactCandidate => {
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
  const [code, version, kind, reason, updatedAt, declaration, rush] = entry;
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
      rush: rush ?? null,
    },
    continuity,
  });
}

export function compactSnapshot(state: ElectionState, reference: ReferenceParts): CompactSnapshot {
  const seats = state.seatStates.map((s) => compactSeat(s, reference));
  return {
    election: state.election,
    screen: state.screen,
    exitPoll: state.exitPoll,
    house: state.house,
    seq: state.seq,
    generatedAt: state.generatedAt,
    referenceVersion: reference.referenceVersion,
    seats,
  };
}

/** Keys in the order the server's Declaration has them, undefined ones left out, so digests of the two agree. */
function expandDeclaration(d: CompactDeclaration, known: readonly string[], updatedAt: string): Declaration {
  const declaration: Record<string, unknown> = {
    candidates: d.candidates.map(([name, party, votes]) => ({
      name: typeof name === 'number' ? known[name] : name,
      party,
      votes,
    })),
  };
  const rest = { ...d, enteredAt: d.enteredAt ?? updatedAt };
  for (const key of [
    'electorate',
    'rejected',
    'validVotes',
    'declaredAt',
    'winnerByLot',
    'source',
    'secondRound',
    'newParties',
    'enteredAt',
  ] as const) {
    if (rest[key] !== undefined) declaration[key] = rest[key];
  }
  return declaration as Declaration;
}

export function expandSnapshot(compact: CompactSnapshot, reference: NightReference): ElectionState {
  // A number names a candidate in the known names of the reference it was made against: a lean one (lean-night.ts) keeps fewer.
  if (compact.names !== reference.names) {
    throw new Error(
      `names: a snapshot with ${compact.names ?? 'all'} names cannot be read against a reference with ${reference.names ?? 'all'}`,
    );
  }
  const seatStates = compact.seats.map((entry) => expandSeat(entry, reference));
  const { election } = compact;
  return {
    election,
    seats: reference.seats,
    seatStates,
    parties: reference.parties,
    // The lean snapshot leaves the House out: worked out from the seats, exactly as the server does.
    house: compact.house ?? houseAfter({ election, seats: reference.seats, seatStates }, reference),
    seq: compact.seq,
    generatedAt: compact.generatedAt,
    screen: compact.screen,
    exitPoll: compact.exitPoll,
    expectedTimes: reference.expectedTimes,
    ...(reference.flaggedSeats ? { flaggedSeats: reference.flaggedSeats } : {}),
  };
}

// Seats (and their baselines) stay the same object from update to update: looked up once.
const baselinesBySeats = new WeakMap<readonly Seat[], Map<string, Seat['baseline']>>();

/** The House figures of a state, as the server computes them (same seats, same order, same continuity). */
export function houseAfter(
  state: Pick<ElectionState, 'election' | 'seats' | 'seatStates'>,
  reference: Pick<NightReference, 'continuity'>,
): HouseSummary {
  let baselines = baselinesBySeats.get(state.seats);
  if (!baselines) baselinesBySeats.set(state.seats, (baselines = new Map(state.seats.map((seat) => [seat.code, seat.baseline]))));
  const seats = state.seatStates.map((s) => declaredSeat(baselines.get(s.code)!, s));
  return houseSummary(seats, state.election.totalSeats, reference.continuity);
}
