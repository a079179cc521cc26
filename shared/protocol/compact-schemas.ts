/**
 * The zod schemas of what goes over the socket in compact form: the night's
 * reference, snapshots and updates. Apart from the functions that read and
 * write them (compact-snapshot.ts, compact-update.ts), so a screen that only
 * reads them imports their types, not zod: the big screen stays light.
 */
import { z } from 'zod';
import {
  DeclarationSource,
  Election,
  ElectionId,
  ExitPoll,
  HouseSummary,
  Party,
  PartyCode,
  PartyContinuity,
  RushInput,
  ScreenSettings,
  Seat,
  SeatCode,
  VersionKind,
} from './schemas.ts';

/** A lean form's names: the winners' only (every candidate in a mayoral count, where each is shown). */
export const LeanNames = z.literal('winners');

/** Everything about a night that does not change with a declaration; referenceVersion is a hash of the rest. */
export const NightReference = z.object({
  referenceVersion: z.string().min(1),
  seats: z.array(Seat),
  parties: z.array(Party),
  continuity: PartyContinuity,
  /** Candidate lists imported before the night, by seat code (may be empty). */
  candidates: z.record(z.string(), z.array(z.object({ name: z.string(), party: PartyCode }))),
  /** Expected declaration time by seat code, from the latest schedule imported (may be empty). */
  expectedTimes: z.record(z.string(), z.string()),
  /** The seats editors flagged to watch, from the latest list saved (absent where none ever was). */
  flaggedSeats: z.array(z.string()).optional(),
  /** Each seat's region, where the hex map gives one: the projection's regions, for a screen that draws no map. */
  regions: z.record(z.string(), z.string()).optional(),
  /** 'winners': the lean reference a dashboard or big screen reads (lean-night.ts), without the names it never shows. */
  names: LeanNames.optional(),
});
export type NightReference = z.infer<typeof NightReference>;

/**
 * [name, party, votes]. The name is a number where the seat's known names
 * (its candidate list, then its baseline candidates) hold it: the index there.
 */
export const CompactCandidate = z.tuple([z.union([z.number().int().min(0), z.string()]), PartyCode, z.number().int().min(0)]);

export const CompactDeclaration = z.object({
  candidates: z.array(CompactCandidate),
  electorate: z.number().int().optional(),
  rejected: z.number().int().optional(),
  validVotes: z.number().int().optional(),
  declaredAt: z.string().optional(),
  winnerByLot: z.string().optional(),
  source: DeclarationSource.optional(),
  secondRound: z.array(z.object({ name: z.string(), votes: z.number().int() })).optional(),
  newParties: z.array(z.string()).optional(),
  /** Omitted where it equals the seat's updatedAt (always, as the server stores it). */
  enteredAt: z.string().optional(),
});

/**
 * [code] for a seat with no version yet, else [code, version, lastChange,
 * lastReason, updatedAt, declaration] (and the rush, for a rushed seat); the status follows from these (seatState).
 */
export type CompactCandidate = z.infer<typeof CompactCandidate>;
export type CompactDeclaration = z.infer<typeof CompactDeclaration>;

export const CompactSeat = z.union([
  z.tuple([SeatCode]),
  // A rushed seat (ADR 0024): the rush's winner after an empty declaration.
  z.tuple([SeatCode, z.number().int().min(1), z.literal('rushed'), z.string().nullable(), z.string(), z.null(), RushInput]),
  z.tuple([SeatCode, z.number().int().min(1), VersionKind, z.string().nullable(), z.string(), CompactDeclaration.nullable()]),
]);
export type CompactSeat = z.infer<typeof CompactSeat>;

export const CompactSnapshot = z.object({
  election: Election,
  screen: ScreenSettings,
  exitPoll: ExitPoll.nullable(),
  /** Absent from the lean snapshot: a screen works it out from the seats (houseAfter), as after each update. */
  house: HouseSummary.optional(),
  seq: z.number().int().min(0),
  generatedAt: z.string(),
  /** The reference these seats are read against: fetch it again when it differs from the one held. */
  referenceVersion: z.string().min(1),
  seats: z.array(CompactSeat),
  /** 'winners': the lean snapshot (lean-night.ts), read against the lean reference only. */
  names: LeanNames.optional(),
});
export type CompactSnapshot = z.infer<typeof CompactSnapshot>;

/** A numbered update as viewers receive it (compact-update.ts). */
export const CompactUpdate = z.object({
  election: ElectionId,
  seq: z.number().int().min(1),
  change: VersionKind,
  /** The reference the seat is read against: a viewer holding another asks for the state again. */
  referenceVersion: z.string().min(1),
  seat: CompactSeat,
  // No House figures: a screen holding every seat recomputes them (houseAfter, compact-update.ts).
  // Late in a night the party table is 7 KB, almost all of an update.
  line: z.string(),
  at: z.string(),
});
export type CompactUpdate = z.infer<typeof CompactUpdate>;
