/**
 * Where the share images are. A version's image never changes, so its URL
 * can be cached for ever; the same paths serve the screens page, the copy-ready
 * lines and the webhooks.
 */
export const SHARE_SIZES = {
  landscape: { width: 1200, height: 675 },
  square: { width: 1080, height: 1080 },
} as const;
export type ShareSize = keyof typeof SHARE_SIZES;

const sizeName = (size: ShareSize) => `${SHARE_SIZES[size].width}x${SHARE_SIZES[size].height}`;

export function sizeFromName(name: string): ShareSize | null {
  for (const size of Object.keys(SHARE_SIZES) as ShareSize[]) if (sizeName(size) === name) return size;
  return null;
}

/** One version of one seat: /share/ge2017/seat/E14000654/v2-1200x675.png */
export function seatImagePath(electionId: string, seatCode: string, version: number, size: ShareSize): string {
  return `/share/${encodeURIComponent(electionId)}/seat/${encodeURIComponent(seatCode)}/v${version}-${sizeName(size)}.png`;
}

/** The party table and headline after one sequence number: /share/ge2017/house/s12-1080x1080.png */
export function houseImagePath(electionId: string, seq: number, size: ShareSize): string {
  return `/share/${encodeURIComponent(electionId)}/house/s${seq}-${sizeName(size)}.png`;
}

export function bothSizes(base: string, path: (size: ShareSize) => string) {
  return { landscape: base + path('landscape'), square: base + path('square') };
}
