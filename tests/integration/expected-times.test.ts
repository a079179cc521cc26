/** Expected declaration times: a newsroom's schedule or the replay's own, through the API, on every screen. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { replayNight } from '../../server/cli/replay-night.ts';
import { expectedTimesCsv, parseExpectedTimes } from '../../server/import/expected-times.ts';
import type { ElectionState } from '../../shared/protocol/schemas.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { request } from '../support/session.ts';
import { api, startServer, TEST_TOKEN, watch, type RunningServer } from '../support/server.ts';

const BRENTFORD = 'E14000593';

/** A PUT as a script sends it: the bearer token, or none as the public. */
const put = (server: RunningServer, body: unknown, token: string | null = TEST_TOKEN) =>
  request(server, 'PUT', '/api/elections/ge2017/expected-times', body, { bearer: token ?? undefined, origin: null });

describe('expected declaration times', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  test('reads a newsroom CSV, refusing a bad row by file, line and column', () => {
    const csv = `seat,expected\n${CROYDON_CENTRAL},2017-06-09T02:30:00+01:00\n`;
    expect(parseExpectedTimes(csv)).toEqual({ times: [{ seat: CROYDON_CENTRAL, expectedAt: '2017-06-09T02:30:00+01:00' }] });
    expect(expectedTimesCsv(parseExpectedTimes(csv))).toBe(csv);
    expect(() => parseExpectedTimes(`seat,expected\n${CROYDON_CENTRAL},half past two\n`, 'times.csv')).toThrow(
      /times\.csv line 2, expected: must be an ISO 8601 time/,
    );
  });

  test('refuses the public and a seat not in the election, naming it, and stores nothing', async () => {
    expect((await put(server, { times: [{ seat: CROYDON_CENTRAL, expectedAt: '2017-06-09T02:30:00Z' }] }, null)).status).toBe(401);
    const unknown = await put(server, { times: [{ seat: 'E14000001', expectedAt: '2017-06-09T02:30:00Z' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems[0].path).toBe('times[0].seat');
    expect((await api(server, 'GET', '/api/elections/ge2017/state')).body.expectedTimes).toEqual({});
  });

  test('sends every watching screen the state again with the times', async () => {
    const viewer = await watch(server, 'ge2017');
    const saved = await put(server, { times: [{ seat: CROYDON_CENTRAL, expectedAt: '2017-06-09T02:30:00Z' }] });
    expect(saved).toMatchObject({ status: 200, body: { version: 1, seats: 1 } });
    const fresh = await viewer.nextSnapshot();
    expect(fresh.expectedTimes).toEqual({ [CROYDON_CENTRAL]: '2017-06-09T02:30:00Z' });
    viewer.close();
  });

  test('a replay at a set speed sends its own schedule first: when each seat is due at that speed', async () => {
    const { seat: _c, ...croydon } = labourGainIn(CROYDON_CENTRAL);
    const { seat: _b, ...brentford } = labourGainIn(BRENTFORD);
    const started = Date.now();
    const report = await replayNight({
      url: server.url,
      token: TEST_TOKEN,
      election: 'ge2017',
      results: [
        { code: CROYDON_CENTRAL, name: 'Croydon Central', candidates: croydon.candidates },
        { code: BRENTFORD, name: 'Brentford and Isleworth', candidates: brentford.candidates },
      ],
      speed: 1_000_000,
      order: 'file',
      seed: 1,
    });
    expect(report.refused.filter((r) => r.seat === 'expected-times')).toEqual([]);
    const state: ElectionState = (await api(server, 'GET', '/api/elections/ge2017/state')).body;
    expect(Object.keys(state.expectedTimes).sort()).toEqual([BRENTFORD, CROYDON_CENTRAL].sort());
    for (const at of Object.values(state.expectedTimes)) expect(Date.parse(at)).toBeGreaterThanOrEqual(started - 1000);
  });
});
