/**
 * Batches the numbered updates that arrive together: everything published
 * until the stream pauses for a moment goes out as one message per
 * election, in seq order, none dropped. Ten declarations entered in the same
 * second then cost the viewers' send loop about what one does (the loop over
 * 10,000 sockets, not the bytes, is the cost of a broadcast).
 */
import { houseOnLastOnly } from '../../shared/protocol/apply-update.ts';
import type { ElectionUpdate } from '../../shared/protocol/schemas.ts';
import { owned } from '../process/faults.ts';

/** Sent once nothing new has come for this long: a lone declaration waits no more than this. */
export const BATCH_WINDOW_MS = 5;
/** ...and however busy the desk, nothing waits longer than this. */
export const BATCH_MAX_WAIT_MS = 50;

export interface UpdateBatcher {
  push(update: ElectionUpdate): void;
  /** Sends whatever is waiting now (on close, so nothing acknowledged is left unsent). */
  flush(): void;
}

export function createUpdateBatcher({
  windowMs = BATCH_WINDOW_MS,
  maxWaitMs = Math.max(BATCH_MAX_WAIT_MS, windowMs),
  send,
}: {
  windowMs?: number;
  maxWaitMs?: number;
  send: (electionId: string, updates: ElectionUpdate[]) => void;
}): UpdateBatcher {
  // Map keeps insertion order, and each election's list is appended in seq order.
  let waiting = new Map<string, ElectionUpdate[]>();
  let timer: NodeJS.Timeout | null = null;
  let first = 0;
  let last = 0;

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const batches = waiting;
    waiting = new Map();
    // Each election's send is owned on its own: one that fails (a relay, a broadcast) is
    // reported and never stops the others or ends the writer from inside a timer.
    for (const [electionId, updates] of batches) owned(`sending ${electionId}'s updates`, () => send(electionId, houseOnLastOnly(updates)));
  }

  // Declarations entered back to back commit one after another (each waits
  // for its fsync), so a quiet window, not a fixed one, is what catches a burst.
  function due() {
    const now = performance.now();
    const quietFor = now - last;
    if (quietFor >= windowMs || now - first >= maxWaitMs) flush();
    else timer = setTimeout(due, Math.min(windowMs - quietFor, maxWaitMs - (now - first)));
  }

  return {
    push(update) {
      const list = waiting.get(update.election);
      if (list) list.push(update);
      else waiting.set(update.election, [update]);
      last = performance.now();
      if (!timer) {
        first = last;
        timer = setTimeout(due, windowMs);
      }
    },
    flush,
  };
}
