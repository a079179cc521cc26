/** Conditional GETs: whether the reader already holds this version (If-None-Match against our ETag). */

/** Caches may keep a copy but must ask each time; with an ETag the answer is usually a cheap 304. */
export const REVALIDATE_EACH_TIME = 'public, max-age=0, must-revalidate';

/** If-None-Match may list several tags, or `*`; a weak tag matches too (RFC 9110 weak comparison). */
export function alreadyHeld(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = etag.replace(/^W\//, '');
  const tags = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch).split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(opaque);
}
