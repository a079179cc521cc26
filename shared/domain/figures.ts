/** How figures are rounded and written, once for screens, feeds, share images, the tally and tests alike. */

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 5652 -> "5,652". */
export function formatNumber(n: number): string {
  return wholeNumber.format(n);
}

/** 12.345 -> "12.3%". */
export function formatPercent(n: number): string {
  return `${oneDecimal.format(n)}%`;
}

/** Net seats: +1, -1, 0 (ASCII signs, so copy-paste into copy is safe). */
export function formatSigned(n: number): string {
  if (n > 0) return `+${formatNumber(n)}`;
  if (n < 0) return `-${formatNumber(-n)}`;
  return '0';
}

/** A change in share, in points: "+2.3", "-0.4", "0.0". */
export function formatSignedPoints(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  if (rounded > 0) return `+${oneDecimal.format(rounded)}`;
  if (rounded < 0) return `-${oneDecimal.format(-rounded)}`;
  return oneDecimal.format(0);
}

/** "5.1% swing from Con to Lab". */
export function formatSwingPhrase(swing: { points: number; from: string; to: string }): string {
  return `${formatPercent(swing.points)} swing from ${swing.from} to ${swing.to}`;
}

/** To 0.01; never -0, which JSON would turn into 0 and make two equal states differ. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100 || 0;
}

/** part / whole as a percent, to 0.01. */
export function percent(part: number, whole: number): number {
  return round2((part / whole) * 100);
}
