/** The exit poll: entered by an editor through the API, checked, kept as versions, on every screen at once. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExitPoll, Feed } from '../../shared/protocol/schemas.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { request } from '../support/session.ts';
import { api, startServer, TEST_TOKEN, watch, type RunningServer } from '../support/server.ts';

const POLL_2017 = {
  seats: { Con: 314, Lab: 266, SNP: 34, LD: 14, PC: 3, Green: 1, Others: 18 },
  source: 'BBC/ITV/Sky News (GfK, Ipsos MORI)',
};

/** A PUT as a script sends it: the bearer token, or none as the public. */
const put = (server: RunningServer, body: unknown, token: string | null = TEST_TOKEN) =>
  request(server, 'PUT', '/api/elections/ge2017/exit-poll', body, { bearer: token ?? undefined, origin: null });

describe('the exit poll', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  test('refuses the public, and seats that do not fill the House, naming the field, and stores nothing', async () => {
    expect((await put(server, POLL_2017, null)).status).toBe(401);
    const short = await put(server, { seats: { ...POLL_2017.seats, Con: 304 } });
    expect(short.status).toBe(400);
    expect(short.body.error).toBe('seats: must add up to the 650 seats of the House, with Others for the rest (got 640)');
    const negative = await put(server, { seats: { Con: -1 } });
    expect(negative.status).toBe(400);
    expect(negative.body.problems[0].path).toBe('seats.Con');
    expect((await api(server, 'GET', '/api/elections/ge2017/exit-poll')).body).toBeNull();
  });

  test('reaches every watching screen at once, opens the headline, and keeps every version with who and when', async () => {
    const viewer = await watch(server, 'ge2017');
    const seen = new Promise<ExitPoll | null | undefined>((resolve) => viewer.once('settings:changed', (s) => resolve(s.exitPoll)));
    const saved = await put(server, { ...POLL_2017, seats: { ...POLL_2017.seats, Con: 313, Others: 19 } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, enteredBy: expect.any(String), seats: { Con: 313 } });
    expect((await seen)?.seats.Con).toBe(313);

    const corrected = await put(server, POLL_2017);
    expect(corrected.body.version).toBe(2);
    const versions: ExitPoll[] = (await api(server, 'GET', '/api/elections/ge2017/exit-poll/versions')).body;
    expect(versions.map((v) => [v.version, v.seats.Con])).toEqual([
      [1, 313],
      [2, 314],
    ]);
    expect((await api(server, 'GET', '/api/elections/ge2017/exit-poll/versions', undefined, null)).status).toBe(401);

    const fresh = await watch(server, 'ge2017');
    expect(fresh.snapshots[0].exitPoll?.seats.Con).toBe(314);
    const feed: Feed = (await api(server, 'GET', '/api/elections/ge2017/feed.json')).body;
    expect(feed.headline).toBe('Exit poll: hung parliament, Con largest party, 12 short of a majority');
    viewer.close();
    fresh.close();
  });

  test('gives the headline back to the results from the first declaration', async () => {
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    const feed: Feed = (await api(server, 'GET', '/api/elections/ge2017/feed.json')).body;
    expect(feed.headline).toBe('Lab need 325 more for a majority (649 seats to declare)');
  });
});
