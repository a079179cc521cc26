/** How figures are rounded, once for screens, feeds, the tally and tests alike. */

/** To 0.01; never -0, which JSON would turn into 0 and make two equal states differ. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100 || 0;
}

/** part / whole as a percent, to 0.01. */
export function percent(part: number, whole: number): number {
  return round2((part / whole) * 100);
}
