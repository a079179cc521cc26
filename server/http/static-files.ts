/**
 * The built client: pages and their hashed assets, as a browser or a CDN
 * should keep them. Vite names each asset by its content hash, so an asset
 * never changes under its name (a year, immutable); the pages name the
 * assets of the current build, so they are kept briefly and revalidated.
 * Brotli and gzip copies are made at build time (client/build-plugins/precompress.ts)
 * and sent as they are: no page or asset is compressed per request.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { EMBEDDABLE } from './security-headers.ts';

/** Hashed assets: the name changes when the content does. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';
/**
 * Pages: a minute fresh, then served stale while a fresh copy is fetched for ten more; a day if this
 * server cannot answer (a page from the last build still works: its assets are immutable and kept).
 */
export const PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400';

function cacheHeaders(response: { setHeader(name: string, value: string): unknown }, file: string) {
  const asset = file.split(path.sep).includes('assets');
  response.setHeader('cache-control', asset ? ASSET_CACHE : PAGE_CACHE);
  // A cache must keep the Brotli, gzip and plain copies apart.
  response.setHeader('vary', 'accept-encoding');
}

/** Each page's route and its file, or how its query picks the file (an embed: polling or pushing, ADR 0031). */
export type Pages = Record<string, string | ((query: URLSearchParams) => string)>;

export function staticFiles(http: FastifyInstance, clientDist: string, pages: Pages) {
  // The ETag is enough to revalidate, and nothing here is fetched in ranges: Last-Modified and
  // Accept-Ranges were 60 bytes on every one of an embed's requests.
  http.register(fastifyStatic, {
    root: clientDist,
    index: false,
    preCompressed: true,
    cacheControl: false,
    lastModified: false,
    acceptRanges: false,
    setHeaders: cacheHeaders,
  });
  for (const [route, file] of Object.entries(pages)) {
    const pick = typeof file === 'string' ? () => file : file;
    http.get(route, route.startsWith('/embed/') ? EMBEDDABLE : {}, (request, reply) =>
      reply.sendFile(pick(new URLSearchParams(request.url.split('?')[1] ?? ''))),
    );
  }
}
