/**
 * Which seats to watch: the ones editors flagged on the screens page, else
 * the ones the articles flagged (their notes), or, where none are, the
 * closest contests: the most marginal seats still to
 * declare on the baseline's figures, then, once every marginal is in, the
 * narrowest results of the night.
 */
import type { Seat, SeatBaseline, SeatState } from '../protocol/schemas.ts';

/** The baseline winner's lead over the runner-up, as a per cent of the votes; null where the baseline has no votes. */
export function baselineMarginPercent(baseline: SeatBaseline): number | null {
  const votes = [...(baseline.votes ?? [])].sort((a, b) => b.votes - a.votes);
  const total = votes.reduce((sum, v) => sum + v.votes, 0);
  if (votes.length < 2 || total === 0) return null;
  return ((votes[0].votes - votes[1].votes) / total) * 100;
}

// A seat's baseline never changes on the night (seats keep their identity): its margin is worked out once.
const margins = new WeakMap<Seat, number | null>();
function marginOf(seat: Seat): number | null {
  let margin = margins.get(seat);
  if (margin === undefined) margins.set(seat, (margin = baselineMarginPercent(seat.baseline)));
  return margin;
}

export type WatchKind = 'chosen' | 'flagged' | 'closest-to-declare' | 'closest-declared' | 'none';

export interface SeatsToWatch {
  kind: WatchKind;
  seats: Seat[];
}

export function seatsToWatch(
  seats: readonly Seat[],
  seatStates: readonly SeatState[],
  { limit = 9, chosen = [] }: { limit?: number; /** Seat codes editors flagged, in their order. */ chosen?: readonly string[] } = {},
): SeatsToWatch {
  if (chosen.length > 0) {
    const byCode = new Map(seats.map((s) => [s.code, s]));
    const picked = chosen.map((code) => byCode.get(code)).filter((s): s is Seat => s !== undefined);
    if (picked.length > 0) return { kind: 'chosen', seats: picked };
  }
  const marked = seats.filter((s) => s.notes.length > 0);
  if (marked.length > 0) return { kind: 'flagged', seats: marked };

  const stateOf = new Map(seatStates.map((s) => [s.code, s]));
  const toDeclare = seats
    .filter((s) => !['declared', 'rushed'].includes(stateOf.get(s.code)?.status ?? 'undeclared'))
    .map((seat) => ({ seat, margin: marginOf(seat) }))
    .filter((s): s is { seat: Seat; margin: number } => s.margin !== null)
    .sort((a, b) => a.margin - b.margin || a.seat.name.localeCompare(b.seat.name));
  if (toDeclare.length > 0) return { kind: 'closest-to-declare', seats: toDeclare.slice(0, limit).map((s) => s.seat) };

  const declared = seats
    .map((seat) => ({ seat, outcome: stateOf.get(seat.code)?.outcome ?? null }))
    .filter((s) => s.outcome !== null)
    .sort((a, b) => a.outcome!.majorityPercent - b.outcome!.majorityPercent || a.seat.name.localeCompare(b.seat.name));
  if (declared.length > 0) return { kind: 'closest-declared', seats: declared.slice(0, limit).map((s) => s.seat) };
  return { kind: 'none', seats: [] };
}
