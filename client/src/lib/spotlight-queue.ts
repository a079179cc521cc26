/**
 * The big screen's spotlight for gains, as a queue. A gain that arrives while
 * another holds the stage waits its turn; several waiting go up together, as
 * one round-up ("3 gains: ..."), so none is skipped; and after each spotlight
 * the panels get REST_SECONDS back, so a burst never stalls the rotation.
 */
import type { ElectionUpdate } from '../../../shared/protocol/schemas.ts';

/** What holds the stage: one gain, or a round-up of the gains that waited. */
export type Spot = { kind: 'one'; gain: ElectionUpdate } | { kind: 'many'; gains: ElectionUpdate[] };

export interface Spotlight {
  showing: { spot: Spot; until: number } | null;
  waiting: ElectionUpdate[];
  /** No spotlight before this time (ms): the panels' turn after the last one. */
  restUntil: number;
}

/** The panels' turn between two spotlights, in seconds. */
export const REST_SECONDS = 10;

/** The most a round-up shows at big-screen size; more wait for the next one. */
export const ROUNDUP_MOST = 6;

export const IDLE: Spotlight = { showing: null, waiting: [], restUntil: 0 };

/** New gains join the queue; a seat already waiting is replaced by its newer result. */
export function queueGains(state: Spotlight, gains: readonly ElectionUpdate[]): Spotlight {
  if (gains.length === 0) return state;
  const seats = new Set(gains.map((g) => g.seat.code));
  return { ...state, waiting: [...state.waiting.filter((g) => !seats.has(g.seat.code)), ...gains] };
}

/** The spotlight at a moment: the one showing ends at its time, and what waits goes up once the panels have had their turn. */
export function spotlightAt(state: Spotlight, now: number, seconds: number): Spotlight {
  let next = state;
  if (next.showing && now >= next.showing.until) next = { ...next, showing: null, restUntil: now + REST_SECONDS * 1000 };
  if (next.showing || next.waiting.length === 0 || now < next.restUntil || seconds <= 0) return next;
  const up = next.waiting.slice(0, ROUNDUP_MOST);
  const spot: Spot = up.length === 1 ? { kind: 'one', gain: up[0] } : { kind: 'many', gains: up };
  return { ...next, showing: { spot, until: now + seconds * 1000 }, waiting: next.waiting.slice(up.length) };
}
