/** How often a polling embed asks (?every=N seconds in its address). */

/** Seconds between asks when the snippet does not say. */
export const DEFAULT_EVERY_SECONDS = 5;
const MIN_EVERY_SECONDS = 2;
const MAX_EVERY_SECONDS = 120;

/** ?every=N from the snippet, kept between 2 s (a cache's max-age is 1 s) and 2 minutes. */
export function pollInterval(every: string | null): number {
  const asked = Number(every);
  if (every === null || every.trim() === '' || !Number.isFinite(asked)) return DEFAULT_EVERY_SECONDS;
  return Math.min(MAX_EVERY_SECONDS, Math.max(MIN_EVERY_SECONDS, asked));
}
