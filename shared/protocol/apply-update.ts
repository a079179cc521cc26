/**
 * Whether a numbered update follows on from the state a screen holds
 * (socket.io delivers in order per connection, but a reconnect or a missed
 * broadcast can leave a gap; only a fresh snapshot repairs that).
 * Shared: the dashboard applies updates with it, and so does a fan-out
 * process keeping its mirror of the writer's state.
 */
import type { ElectionState, ElectionUpdate } from './schemas.ts';

export type ApplyResult =
  | { kind: 'applied'; state: ElectionState }
  /** Already seen (seq <= state.seq): nothing to do. */
  | { kind: 'duplicate' }
  /** One or more updates were missed: ask for the state again. */
  | { kind: 'gap'; expected: number; received: number }
  /** An update for an election this screen is not showing. */
  | { kind: 'other-election' };

export function applyUpdate({ state, update }: { state: ElectionState; update: ElectionUpdate }): ApplyResult {
  if (update.election !== state.election.id) return { kind: 'other-election' };
  if (update.seq <= state.seq) return { kind: 'duplicate' };
  if (update.seq !== state.seq + 1) return { kind: 'gap', expected: state.seq + 1, received: update.seq };

  const known = state.seatStates.some((s) => s.code === update.seat.code);
  const seatStates = known
    ? state.seatStates.map((s) => (s.code === update.seat.code ? update.seat : s))
    : [...state.seatStates, update.seat];
  return {
    kind: 'applied',
    state: { ...state, seatStates, house: update.house ?? state.house, seq: update.seq, generatedAt: update.at },
  };
}

/** A batch as it is sent: the House figures once, on its last update (see ElectionUpdate.house). */
export function houseOnLastOnly<U extends Pick<ElectionUpdate, 'house'>>(updates: readonly U[]): U[] {
  return updates.map((update, i) => (i === updates.length - 1 ? update : { ...update, house: null }));
}
