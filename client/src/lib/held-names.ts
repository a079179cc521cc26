/**
 * A lean snapshot names each seat's winners only (shared/protocol/lean-night.ts), where a numbered
 * update names every candidate. A screen reading a fresh snapshot (a resync) keeps the seats it
 * already holds at the same version, read against the same reference, with the names they came
 * with: the big screen's spotlight on a new gain does not lose its runners-up's names.
 */
import type { Declaration, ElectionState, SeatState } from '../../../shared/protocol/schemas.ts';

const namesIn = (d: Declaration | null) => d?.candidates.filter((c) => c.name !== '').length ?? 0;

function sameFigures(a: Declaration | null, b: Declaration | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.candidates.length === b.candidates.length &&
    a.candidates.every((c, i) => c.party === b.candidates[i].party && c.votes === b.candidates[i].votes)
  );
}

/** The held seat, where it is this very version with more names than the fresh one. */
function better(held: SeatState | undefined, fresh: SeatState): SeatState {
  if (held === undefined || held.version !== fresh.version || held.updatedAt !== fresh.updatedAt) return fresh;
  if (held.status !== fresh.status || held.lastChange !== fresh.lastChange || !sameFigures(held.declaration, fresh.declaration))
    return fresh;
  return namesIn(held.declaration) > namesIn(fresh.declaration) ? held : fresh;
}

export function keepHeldNames(held: ElectionState | null, fresh: ElectionState): ElectionState {
  // Another election, or another reference (its seats are another array): outcomes may differ, keep nothing.
  if (held === null || held.election.id !== fresh.election.id || held.seats !== fresh.seats) return fresh;
  const heldByCode = new Map(held.seatStates.map((s) => [s.code, s]));
  let kept = 0;
  const seatStates = fresh.seatStates.map((s) => {
    const chosen = better(heldByCode.get(s.code), s);
    if (chosen !== s) kept++;
    return chosen;
  });
  return kept === 0 ? fresh : { ...fresh, seatStates };
}
