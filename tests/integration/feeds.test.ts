/** The feeds a live-blog system polls: copy-ready lines, corrections and withdrawals marked, ETags, rehearsal marked. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Feed } from '../../shared/protocol/schemas.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { api, startServer, TEST_TOKEN, type RunningServer } from '../support/server.ts';

describe('the JSON and Atom feeds', () => {
  let server: RunningServer;
  const feedUrl = () => `${server.url}/api/elections/ge2017/feed.json`;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  async function setMode(mode: 'live' | 'rehearsal' | 'test') {
    const reply = await fetch(`${server.url}/api/elections/ge2017/mode`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
      body: JSON.stringify({ mode }),
    });
    expect(reply.status).toBe(200);
  }

  test('gives each declaration a copy-ready line, and a correction a line that says what it replaces', async () => {
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL, 20_000, 18_000))).status).toBe(
      201,
    );
    const { seat: _seat, ...figures } = labourGainIn(CROYDON_CENTRAL, 20_100, 18_000);
    const corrected = await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`, {
      ...figures,
      reason: 'Labour vote misread',
    });
    expect(corrected.status).toBe(200);

    const feed: Feed = (await api(server, 'GET', '/api/elections/ge2017/feed.json?since=0')).body;
    const [declared, correction] = feed.entries;
    expect(declared.line).toMatch(/^Croydon Central: Lab GAIN from Con\. .+ wins with a majority of 2,000/);
    expect(correction.change).toBe('corrected');
    expect(correction.line).toContain('CORRECTION: Croydon Central (Labour vote misread)');
    expect(correction.line).toContain('majority of 2,100');
    expect(correction.line).toContain('Previously reported: Lab GAIN from Con');
    expect(correction.line).toContain('majority 2,000');
  });

  test('carries the headline of the night as it stands after the latest declaration', async () => {
    const feed: Feed = (await api(server, 'GET', '/api/elections/ge2017/feed.json?since=0')).body;
    expect(feed.headline).toBe('Lab need 325 more for a majority (649 seats to declare)');
  });

  test('marks a withdrawal in the JSON and the Atom feed', async () => {
    const before: Feed = (await api(server, 'GET', '/api/elections/ge2017/feed.json')).body;
    const withdrawn = await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/withdrawal`, {
      reason: 'declared in error',
    });
    expect(withdrawn.status).toBe(200);
    const feed: Feed = (await api(server, 'GET', `/api/elections/ge2017/feed.json?since=${before.seq}`)).body;
    expect(feed.entries).toHaveLength(1);
    expect(feed.entries[0]).toMatchObject({ change: 'withdrawn', reason: 'declared in error', outcome: null });
    expect(feed.entries[0].line).toMatch(/^WITHDRAWN: Croydon Central: .*is withdrawn \(declared in error\)/);
    const atom = await (await fetch(`${server.url}/api/elections/ge2017/feed.atom?since=${before.seq}`)).text();
    expect(atom).toContain('<category term="withdrawn"/>');
    expect(atom).toContain('WITHDRAWN: Croydon Central');
  });

  test('answers 304 to a reader that already has the latest version, and 200 once something changes', async () => {
    const first = await fetch(feedUrl());
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(feedUrl(), { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    const changed = await fetch(feedUrl(), { headers: { 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  test('says so in both feeds while the election is in rehearsal, and a cached copy is not reused across the change', async () => {
    await setMode('live');
    const live = await fetch(feedUrl());
    const etag = live.headers.get('etag')!;
    await setMode('rehearsal');
    const rehearsal = await fetch(feedUrl(), { headers: { 'if-none-match': etag } });
    expect(rehearsal.status).toBe(200);
    expect(((await rehearsal.json()) as Feed).mode).toBe('rehearsal');
    const atom = await (await fetch(`${server.url}/api/elections/ge2017/feed.atom`)).text();
    expect(atom).toContain('<title>[REHEARSAL: not real results] ');
    await setMode('live');
  });
});
