/** Conditional GETs and cache headers for public reads: whether the reader already holds this version (If-None-Match against our ETag). */
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { EncodedBody } from './encoded-body.ts';

/** Caches may keep a copy but must ask each time; with an ETag the answer is usually a cheap 304. */
export const REVALIDATE_EACH_TIME = 'public, max-age=0, must-revalidate';

/**
 * Live public reads (state, feeds): a CDN or browser may answer from its copy for 2 s, serve it while it
 * fetches a fresh one for 10 s more, and keep showing it for 10 minutes if this server cannot answer.
 * Each copy carries its own seq and time, so a screen can tell how old it is.
 */
export const LIVE_PUBLIC = 'public, max-age=2, stale-while-revalidate=10, stale-if-error=600';

/**
 * A second fresh, no stale-while-revalidate: a reader polling every N seconds (an embed) or a screen
 * fetching its snapshot sees a change within N + 1 s through any cache, and a cache asks here at most
 * once a second per URL, whatever the audience. Ten minutes of the last copy if this server cannot answer.
 */
export const EMBED_PUBLIC = 'public, max-age=1, stale-if-error=600';

/**
 * nginx's cache keeps time in whole seconds: under `max-age=1` a copy fetched at 10.0 s is served
 * until 11.999 s, so a reader polling every N s saw a change up to N + 2 s late. This nginx header
 * (which nginx does not pass on) says the copy is good to the end of the second it was made in:
 * never more than a second old, and still one request a second per address from the cache,
 * however many read. Other caches keep to `max-age=1`. (ADR 0031)
 */
export const CACHE_UNTIL_HEADER = 'x-accel-expires';
export const untilThisSecondEnds = (now = Date.now()) => `@${Math.floor(now / 1000)}`;

export const JSON_TYPE = 'application/json; charset=utf-8';

/** If-None-Match may list several tags, or `*`; a weak tag matches too (RFC 9110 weak comparison). */
export function alreadyHeld(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = etag.replace(/^W\//, '');
  const tags = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch).split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(opaque);
}

/** A strong ETag for a reply made only from these parts: equal parts, byte-equal reply. */
export function tagOf(...parts: unknown[]): string {
  return `"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22)}"`;
}

/** Answers a public read with its ETag and cache header: a 304 when the reader already holds it, else the text. */
export function sendTagged(
  request: { headers: { 'if-none-match'?: string | string[]; 'accept-encoding'?: string | string[] } },
  reply: FastifyReply,
  { etag, cacheControl, type, body }: { etag: string; cacheControl: string; type: string; body: () => string | Buffer | EncodedBody },
) {
  // Vary on every answer, 304s too: a cache must not hand a Brotli copy to a reader who cannot read it.
  reply.header('etag', etag).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (alreadyHeld(request.headers['if-none-match'], etag)) return reply.code(304).send();
  const made = body();
  if (!(made instanceof EncodedBody)) return reply.type(type).send(made);
  const { bytes, encoding } = made.for(request.headers['accept-encoding']);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.type(type).send(bytes);
}
