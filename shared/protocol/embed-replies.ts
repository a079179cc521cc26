/**
 * What each light embed fetches (issue 11): one seat, the party table, or the
 * latest declarations, with just the parties they name. A reader's embed
 * asks for one of these every few seconds instead of holding a socket and
 * the 650-seat reference, so a CDN can answer it for everyone at once.
 * Pure: the server shapes them from the state it already has; the client
 * checks them with the same schemas.
 */
import { z } from 'zod';
import { latestChanged } from '../domain/latest.ts';
import { codesUsedIn, partiesAsNamedIn } from '../domain/party-names.ts';
import { Election, HouseSummary, Party, Seat, SeatState, type ElectionState, type PartyContinuity } from './schemas.ts';

/** What every embed reply carries: whose figures, how far through the night, and when they last changed. */
export const EmbedHead = z.object({
  election: Election,
  seq: z.number().int().nonnegative(),
  /** When the figures last changed (ISO), or null before the first declaration. */
  lastUpdate: z.string().nullable(),
  declared: z.number().int().nonnegative(),
  totalSeats: z.number().int().positive(),
  /** Only the parties the reply names, each with this election's own name for it. */
  parties: z.array(Party),
});

/**
 * The seat as its embed draws it: the outcome carries every candidate's figures,
 * so the declaration as typed and the baseline's votes stay behind.
 */
export const SeatEmbedReply = EmbedHead.extend({ kind: z.literal('seat'), seat: Seat, now: SeatState.omit({ declaration: true }) });
export type SeatEmbedReply = z.infer<typeof SeatEmbedReply>;

export const PartyTableEmbedReply = EmbedHead.extend({ kind: z.literal('party-table'), house: HouseSummary });
export type PartyTableEmbedReply = z.infer<typeof PartyTableEmbedReply>;

export const LatestEmbedReply = EmbedHead.extend({ kind: z.literal('latest'), seatStates: z.array(SeatState) });
export type LatestEmbedReply = z.infer<typeof LatestEmbedReply>;

export const EmbedReply = z.discriminatedUnion('kind', [SeatEmbedReply, PartyTableEmbedReply, LatestEmbedReply]);
export type EmbedReply = z.infer<typeof EmbedReply>;

/**
 * Each reply goes with its version (the ETag without its quotes): the embed asks
 * `?since=VERSION` next, and is told only what changed after it (ADR 0031).
 */
export const Versioned = z.object({ version: z.string() });
export type Versioned = z.infer<typeof Versioned>;

/** A path into a reply: keys and array indexes. */
const DeltaPath = z.array(z.union([z.string(), z.number().int().nonnegative()]));

/**
 * One change to a reply, in order: `s` sets the value at the path; `d` drops the key at the path;
 * `m` puts at the path the element that the same array held, before this delta, at the index given
 * (the latest list moving down one, a party moving up the table). Applied by applyDelta (embed-delta.ts).
 */
export const DeltaOp = z.union([
  z.tuple([z.literal('s'), DeltaPath, z.unknown()]),
  z.tuple([z.literal('d'), DeltaPath]),
  z.tuple([z.literal('m'), DeltaPath, z.number().int().nonnegative()]),
]);
export type DeltaOp = z.infer<typeof DeltaOp>;

/** What changed from the version a reader holds (`from`) to the current one (`version`). */
export const EmbedDelta = z.object({ kind: z.literal('delta'), from: z.string(), version: z.string(), ops: z.array(DeltaOp) });
export type EmbedDelta = z.infer<typeof EmbedDelta>;

/** How many declarations the latest embed lists. */
export const LATEST_LIMIT = 10;

/** The newest change of any seat (ISO), or null before the first. */
export function lastUpdateOf(state: Pick<ElectionState, 'seatStates'>): string | null {
  return latestChanged(state.seatStates, 1)[0]?.updatedAt ?? null;
}

/** The reply's head, with the parties named as this election names them, kept to the codes given. */
export function head(state: ElectionState, continuity: PartyContinuity, codes: Iterable<string>) {
  const named = partiesAsNamedIn(state.parties, continuity, codesUsedIn(state));
  const wanted = new Set(codes);
  return {
    election: state.election,
    seq: state.seq,
    lastUpdate: lastUpdateOf(state),
    declared: state.house.declared,
    totalSeats: state.house.totalSeats,
    parties: named.filter((p) => wanted.has(p.code)),
  };
}

function codesOfSeat(seat: Seat, now: SeatState): string[] {
  return [
    ...(seat.baseline.party ? [seat.baseline.party] : []),
    ...(seat.baseline.votes ?? []).map((v) => v.party),
    ...(now.declaration?.candidates ?? []).map((c) => c.party),
    ...(now.outcome ? [now.outcome.label.party, now.outcome.winner.party] : []),
    ...(now.rush ? [now.rush.label.party] : []),
  ];
}

/** One seat and its baseline, or null when the election has no such seat. */
export function seatEmbed(state: ElectionState, continuity: PartyContinuity, code: string): SeatEmbedReply | null {
  const seat = state.seats.find((s) => s.code === code);
  const now = state.seatStates.find((s) => s.code === code);
  if (!seat || !now) return null;
  const { votes: _votes, ...baseline } = seat.baseline;
  const { declaration: _declaration, ...figures } = now;
  return { kind: 'seat', ...head(state, continuity, codesOfSeat(seat, now)), seat: { ...seat, baseline }, now: figures };
}

export function partyTableEmbed(state: ElectionState, continuity: PartyContinuity): PartyTableEmbedReply {
  return {
    kind: 'party-table',
    ...head(
      state,
      continuity,
      state.house.partyTable.map((r) => r.party),
    ),
    house: state.house,
  };
}

/** The newest declarations first, as the latest list shows them. */
export function latestEmbed(state: ElectionState, continuity: PartyContinuity): LatestEmbedReply {
  const seatStates = latestChanged(state.seatStates, LATEST_LIMIT);
  const bySeat = new Map(state.seats.map((s) => [s.code, s]));
  return {
    kind: 'latest',
    ...head(
      state,
      continuity,
      seatStates.flatMap((s) => codesOfSeat(bySeat.get(s.code)!, s)),
    ),
    seatStates,
  };
}
