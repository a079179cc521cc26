/**
 * The readers' embeds behind a real HTTP cache (Debian's nginx, started here on loopback): the
 * origin's Cache-Control, ETag and Vary are what a CDN acts on. With ten times the readers the
 * origin sees about the same number of requests, every reader sees every declaration, and when
 * the origin goes away the cache keeps serving its last copy (stale-if-error).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { startNginxCache, type NginxCache } from '../support/nginx-cache.ts';
import { startReaders } from '../support/polling-readers.ts';
import { api, startServer, type RunningServer } from '../support/server.ts';

const SEATS = [CROYDON_CENTRAL, 'E14000674', 'E14000593', 'E14000727'];
const EVERY_MS = 1_000;

let server: RunningServer | undefined;
let cache: NginxCache | undefined;
afterEach(async () => {
  await cache?.stop();
  await server?.close();
});

/** Counts what reaches the origin, whoever asks. */
function originRequests(running: RunningServer): { count: number } {
  const counter = { count: 0 };
  running.app.http.server.on('request', () => counter.count++);
  return counter;
}

/** A night of four declarations, one a second, read by `readers` polling the party table through the cache. */
async function nightThroughTheCache(readers: number, followChanges = false) {
  server = await startServer();
  cache = await startNginxCache(`127.0.0.1:${server.port}`);
  const origin = originRequests(server);
  const crowd = startReaders(`${cache.url}/api/elections/ge2017/party-table`, { readers, everyMs: EVERY_MS, followChanges });
  for (const seat of SEATS) {
    await new Promise((r) => setTimeout(r, EVERY_MS));
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))).status).toBe(201);
  }
  // Long enough for every reader to have asked twice since the last declaration.
  await new Promise((r) => setTimeout(r, 3 * EVERY_MS));
  await crowd.stop();
  const { requests, failures, deltas } = crowd.counts();
  const whole = (await (await fetch(`${server.url}/api/elections/ge2017/party-table`)).json()) as unknown;
  await cache.stop();
  cache = undefined;
  await server.close();
  server = undefined;
  return { origin: origin.count, requests, failures, deltas, readers: crowd.readers, whole };
}

describe('behind a real HTTP cache (nginx)', () => {
  test('ten times the readers cost the origin about the same; every reader sees the last declaration', async () => {
    const few = await nightThroughTheCache(20);
    const many = await nightThroughTheCache(200);
    expect(few.failures + many.failures).toBe(0);
    for (const { readers } of [few, many])
      for (const reader of readers) expect(reader.seen.has(SEATS.length), 'saw the last seq').toBe(true);
    // Ten times the readers asked about ten times as often; the origin was asked about as often as before.
    expect(many.requests).toBeGreaterThan(5 * few.requests);
    expect(many.origin).toBeLessThan(2 * few.origin + 5);
  }, 60_000);

  test('readers asking only for the changes since their version: the cache answers them all the same, and each ends with the whole reply', async () => {
    const few = await nightThroughTheCache(20, true);
    const many = await nightThroughTheCache(200, true);
    expect(few.failures + many.failures).toBe(0);
    // Most readers were sent only what changed: every reader a change, after its first whole reply.
    expect(many.deltas).toBeGreaterThanOrEqual(many.readers.length);
    for (const { readers, whole } of [few, many])
      for (const reader of readers) {
        expect(reader.seen.has(SEATS.length), 'saw the last seq').toBe(true);
        expect(reader.held).toEqual(whole);
      }
    expect(many.requests).toBeGreaterThan(5 * few.requests);
    expect(many.origin).toBeLessThan(2 * few.origin + 5);
  }, 60_000);

  test('when the origin fails, the cache keeps serving the last copy it had', async () => {
    server = await startServer();
    cache = await startNginxCache(`127.0.0.1:${server.port}`);
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    const fresh = await fetch(`${cache.url}/api/elections/ge2017/party-table`);
    expect(fresh.status).toBe(200);
    expect(((await fresh.json()) as { seq: number }).seq).toBe(1);
    await server.close();
    server = undefined;
    // Past max-age=1 on nginx's clock, which counts whole seconds (a copy cached at x.9 s
    // is fresh until x+2): the cache must ask the origin, which is gone.
    await new Promise((r) => setTimeout(r, 2_500));
    const kept = await fetch(`${cache.url}/api/elections/ge2017/party-table`);
    expect(kept.status).toBe(200);
    expect(kept.headers.get('x-cache')).toBe('STALE');
    expect(((await kept.json()) as { seq: number }).seq).toBe(1);
  });
});
