/**
 * How the night's reference is answered, by the writer (fastify) and a
 * fan-out process (node:http) alike: a strong ETag that is its version, so
 * a screen's browser revalidates it for a 304 instead of fetching it again.
 */
import type { NightReference } from '../../shared/protocol/compact-snapshot.ts';

export const REFERENCE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export function referenceTag(reference: NightReference): string {
  return `"${reference.referenceVersion}"`;
}

/** If-None-Match may list several tags, or `*`; a weak tag matches too (RFC 9110 weak comparison). */
export function alreadyHeld(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const tags = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch).split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag);
}

/** The JSON text, encoded once per reference: a 650-seat reference is a few hundred KB. */
const encoded = new WeakMap<NightReference, string>();
export function referenceJson(reference: NightReference): string {
  let text = encoded.get(reference);
  if (text === undefined) {
    text = JSON.stringify(reference);
    encoded.set(reference, text);
  }
  return text;
}
