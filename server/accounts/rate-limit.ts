/** A fixed-window counter of failures per key: enough to stop guessing passwords at speed. */
export interface FailureLimit {
  /** Seconds until the key may try again, or 0 if it may try now. */
  retryAfter(key: string): number;
  fail(key: string): void;
  /** Takes back one failure counted ahead of time (an attempt that turned out right). */
  forgive(key: string): void;
  clear(key: string): void;
}

export function failureLimit({
  max,
  windowMs,
  now = () => Date.now(),
}: {
  max: number;
  windowMs: number;
  now?: () => number;
}): FailureLimit {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string) => {
    const w = windows.get(key);
    if (w && now() - w.start < windowMs) return w;
    windows.delete(key);
    return null;
  };
  return {
    retryAfter(key) {
      const w = current(key);
      return w && w.count >= max ? Math.ceil((w.start + windowMs - now()) / 1000) : 0;
    },
    fail(key) {
      const w = current(key);
      if (w) w.count += 1;
      else windows.set(key, { start: now(), count: 1 });
      // Keep the map small on a night of many editors: drop old windows now and then.
      if (windows.size > 10_000) for (const k of windows.keys()) current(k);
    },
    forgive(key) {
      const w = current(key);
      if (w && w.count > 0) w.count -= 1;
    },
    clear(key) {
      windows.delete(key);
    },
  };
}
