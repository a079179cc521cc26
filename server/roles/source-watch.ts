/**
 * Whether a fan-out process's figures are current: the writer says it is
 * alive once a second over Redis (its heartbeat), so silence for longer
 * than `staleAfterMs` means Redis or the writer is gone and the viewers
 * here must be told their figures may be out of date.
 */
export const STALE_AFTER_MS = 3500;

export type SourceChange = 'down' | 'back' | null;

export function createSourceWatch({
  staleAfterMs = STALE_AFTER_MS,
  now = () => Date.now(),
}: { staleAfterMs?: number; now?: () => number } = {}) {
  // A process just started is given the same grace as a heartbeat just heard.
  let lastBeat = now();
  let live = true;
  return {
    get live() {
      return live;
    },
    /** Since when the figures have been stale (the last heartbeat heard), as an ISO time. */
    get since() {
      return new Date(lastBeat).toISOString();
    },
    /** A heartbeat arrived: 'back' if the source had been down. */
    beat(): SourceChange {
      lastBeat = now();
      if (live) return null;
      live = true;
      return 'back';
    },
    /** Called on a timer: 'down' the first time the silence has lasted too long. */
    check(): SourceChange {
      if (!live || now() - lastBeat <= staleAfterMs) return null;
      live = false;
      return 'down';
    },
  };
}
