/**
 * The public's expensive reads behind a CDN: the whole state and the feeds are serialised once per
 * change, carry strong ETags and short public cache headers, and `since` is checked and clamped.
 */
import { describe, expect, test } from 'vitest';
import type { Feed } from '../../shared/protocol/schemas.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { api, closedAfterEach, startServer, TEST_TOKEN, type RunningServer } from '../support/server.ts';
import { request } from '../support/session.ts';

const opened = closedAfterEach();
const STATE = '/api/elections/ge2017/state';

/** Counts the calls the routes make to one of the election service's methods. */
function countCalls(server: RunningServer, method: 'state' | 'feed'): { count: number } {
  const counter = { count: 0 };
  const service = server.app.service as unknown as Record<string, (...args: unknown[]) => unknown>;
  const original = service[method];
  service[method] = (...args) => {
    counter.count++;
    return original(...args);
  };
  return counter;
}

const get = (server: RunningServer, route: string, headers: Record<string, string> = {}) =>
  request(server, 'GET', route, undefined, { headers });

describe('the whole state', () => {
  test('has a strong ETag, short public cache headers, and a 304 for a reader who holds it', async () => {
    const server = opened(await startServer());
    const first = await get(server, STATE);
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/);
    const again = await get(server, STATE, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  test('is serialised once per change, and every change makes a new ETag: a declaration, the screen, the mode', async () => {
    const server = opened(await startServer());
    const built = countCalls(server, 'state');
    const texts = await Promise.all([1, 2, 3, 4].map(() => get(server, STATE)));
    expect(new Set(texts.map((t) => t.text)).size).toBe(1);
    expect(built.count).toBe(1);

    const tags = [String(texts[0].headers.etag)];
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    tags.push(String((await get(server, STATE)).headers.etag));
    const screen = { panels: [{ panel: 'map', seconds: 30 }], gainSpotlightSeconds: 5 };
    expect((await request(server, 'PUT', '/api/elections/ge2017/screen', screen, { bearer: TEST_TOKEN, origin: null })).status).toBe(200);
    const afterScreen = await get(server, STATE);
    expect(afterScreen.body.screen).toEqual(screen);
    tags.push(String(afterScreen.headers.etag));
    expect(
      (await request(server, 'PUT', '/api/elections/ge2017/mode', { mode: 'rehearsal' }, { bearer: TEST_TOKEN, origin: null })).status,
    ).toBe(200);
    const afterMode = await get(server, STATE, { 'if-none-match': tags.at(-1)! });
    expect(afterMode.status).toBe(200);
    expect(afterMode.body.election.mode).toBe('rehearsal');
    tags.push(String(afterMode.headers.etag));
    expect(new Set(tags).size).toBe(4);
    expect(built.count).toBe(4);
  });
});

describe('the JSON feed', () => {
  test('checks since: a negative, fractional or non-number since is a 400 naming it, and one past the last change is clamped to it', async () => {
    const server = opened(await startServer());
    for (const since of ['-1', '1.5', 'abc', 'Infinity']) {
      const refused = await get(server, `/api/elections/ge2017/feed.json?since=${since}`);
      expect(refused.status, since).toBe(400);
      expect(refused.body.problems[0].path).toBe('since');
    }
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    const atEnd = await get(server, '/api/elections/ge2017/feed.json?since=1');
    const pastEnd = await get(server, '/api/elections/ge2017/feed.json?since=999999999999');
    expect(pastEnd.status).toBe(200);
    expect((pastEnd.body as Feed).entries).toEqual([]);
    expect(pastEnd.headers.etag).toBe(atEnd.headers.etag);
    expect(pastEnd.headers.etag).toMatch(/^"[^"]+"$/);
    expect(pastEnd.headers['cache-control']).toMatch(/stale-if-error/);
  });

  test('reads each change from the database once: polls with any since between two changes build nothing', async () => {
    const server = opened(await startServer());
    const built = countCalls(server, 'feed');
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    const whole = await get(server, '/api/elections/ge2017/feed.json');
    for (const since of [0, 1, 2, 3, 50]) expect((await get(server, `/api/elections/ge2017/feed.json?since=${since}`)).status).toBe(200);
    expect(built.count).toBe(1);
    const { seat: _seat, ...figures } = labourGainIn(CROYDON_CENTRAL, 21_000);
    expect(
      (await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`, { ...figures, reason: 'misread' })).status,
    ).toBe(200);
    const after = (await get(server, '/api/elections/ge2017/feed.json?since=1')).body as Feed;
    expect(after.entries.map((e) => e.change)).toEqual(['corrected']);
    expect(built.count).toBe(2);
    // The kept text is the feed as it always was.
    expect((await get(server, '/api/elections/ge2017/feed.json')).body.entries[0]).toEqual((whole.body as Feed).entries[0]);
  });
});

describe('the Atom feed', () => {
  test("never writes the request's Host into its self link: a path, or the configured public address", async () => {
    const server = opened(await startServer());
    const atom = await get(server, '/api/elections/ge2017/feed.atom', { host: 'evil.example' });
    expect(atom.status).toBe(200);
    expect(atom.text).not.toContain('evil.example');
    expect(atom.text).toContain('<link rel="self" href="/api/elections/ge2017/feed.atom"/>');

    const configured = opened(await startServer({ app: { publicUrl: 'https://results.example.com' } }));
    const withUrl = await get(configured, '/api/elections/ge2017/feed.atom?since=0', { host: 'evil.example' });
    expect(withUrl.text).toContain('<link rel="self" href="https://results.example.com/api/elections/ge2017/feed.atom"/>');
  });
});

describe('the hex map', () => {
  test('has a strong ETag and is revalidated each time: a 304 for a reader who holds it', async () => {
    const server = opened(await startServer());
    const first = await get(server, '/api/elections/ge2017/hexmap');
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect((await get(server, '/api/elections/ge2017/hexmap', { 'if-none-match': first.headers.etag as string })).status).toBe(304);
    expect((await get(server, '/api/elections/nope/hexmap')).status).toBe(404);
  });
});
