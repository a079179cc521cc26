/**
 * Seats to watch, flagged by editors: through the API, checked, kept as versions, on every screen
 * at once; and with the exit poll, listed as versions in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seatsToWatch } from '../../shared/domain/battlegrounds.ts';
import type { NightInputAuditRow } from '../../shared/protocol/accounts.ts';
import type { ElectionState, SeatsToWatchVersion } from '../../shared/protocol/schemas.ts';
import { CROYDON_CENTRAL } from '../fixtures/declarations.ts';
import { request } from '../support/session.ts';
import { api, startServer, TEST_TOKEN, watch, type RunningServer } from '../support/server.ts';

const BRENTFORD = 'E14000593';

/** A PUT as a script sends it: the bearer token, or none as the public. */
const put = (server: RunningServer, route: string, body: unknown, token: string | null = TEST_TOKEN) =>
  request(server, 'PUT', `/api/elections/ge2017/${route}`, body, { bearer: token ?? undefined, origin: null });

describe('seats to watch flagged by editors', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  test('refuses the public, a seat not in the election and a seat named twice, naming the field, and stores nothing', async () => {
    expect((await put(server, 'seats-to-watch', { seats: [CROYDON_CENTRAL] }, null)).status).toBe(401);
    const unknown = await put(server, 'seats-to-watch', { seats: [CROYDON_CENTRAL, 'E14000001'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems[0].path).toBe('seats[1]');
    const twice = await put(server, 'seats-to-watch', { seats: [CROYDON_CENTRAL, CROYDON_CENTRAL] });
    expect(twice.status).toBe(400);
    expect(twice.body.problems[0]).toMatchObject({ path: 'seats', message: 'must not name a seat twice' });
    const state: ElectionState = (await api(server, 'GET', '/api/elections/ge2017/state')).body;
    expect(state.flaggedSeats).toBeUndefined();
    expect((await api(server, 'GET', '/api/elections/ge2017/seats-to-watch/versions')).body).toEqual([]);
  });

  test("sends every watching screen the flags at once: the panel shows them, in the desk's order, before the articles' seats", async () => {
    const viewer = await watch(server, 'ge2017');
    const before = viewer.snapshots[0];
    expect(seatsToWatch(before.seats, before.seatStates, { chosen: before.flaggedSeats }).kind).toBe('flagged');

    const saved = await put(server, 'seats-to-watch', { seats: [BRENTFORD, CROYDON_CENTRAL] });
    expect(saved).toMatchObject({ status: 200, body: { version: 1, seats: [BRENTFORD, CROYDON_CENTRAL], enteredBy: expect.any(String) } });
    const fresh = await viewer.nextSnapshot();
    expect(fresh.flaggedSeats).toEqual([BRENTFORD, CROYDON_CENTRAL]);
    const watched = seatsToWatch(fresh.seats, fresh.seatStates, { chosen: fresh.flaggedSeats });
    expect(watched.kind).toBe('chosen');
    expect(watched.seats.map((s) => s.code)).toEqual([BRENTFORD, CROYDON_CENTRAL]);
    viewer.close();
  });

  test('keeps every list as a version; an empty list clears the flags and the panel falls back', async () => {
    const cleared = await put(server, 'seats-to-watch', { seats: [] });
    expect(cleared.body.version).toBe(2);
    const state: ElectionState = (await api(server, 'GET', '/api/elections/ge2017/state')).body;
    expect(state.flaggedSeats).toEqual([]);
    expect(seatsToWatch(state.seats, state.seatStates, { chosen: state.flaggedSeats }).kind).toBe('flagged');
    const versions: SeatsToWatchVersion[] = (await api(server, 'GET', '/api/elections/ge2017/seats-to-watch/versions')).body;
    expect(versions.map((v) => [v.version, v.seats.length])).toEqual([
      [1, 2],
      [2, 0],
    ]);
    expect((await api(server, 'GET', '/api/elections/ge2017/seats-to-watch/versions', undefined, null)).status).toBe(401);
  });

  test('the audit trail lists every version of the exit poll and of the seats to watch, each with the one before', async () => {
    expect((await put(server, 'exit-poll', { seats: { Con: 313, Lab: 267, Others: 70 }, source: 'Exit poll' })).status).toBe(200);
    expect((await put(server, 'exit-poll', { seats: { Con: 314, Lab: 266, Others: 70 }, source: 'Exit poll' })).status).toBe(200);
    const rows: NightInputAuditRow[] = (await api(server, 'GET', '/api/elections/ge2017/audit/night-inputs')).body;
    expect(rows.map((r) => [r.input, r.version])).toEqual([
      ['seats-to-watch', 1],
      ['seats-to-watch', 2],
      ['exit-poll', 1],
      ['exit-poll', 2],
    ]);
    expect(rows[0]).toMatchObject({ before: null, after: 'Brentford and Isleworth, Croydon Central' });
    expect(rows[1]).toMatchObject({ before: 'Brentford and Isleworth, Croydon Central', after: 'none flagged (cleared)' });
    expect(rows[3]).toMatchObject({ before: 'Con 313, Lab 267, Others 70 (Exit poll)', after: 'Con 314, Lab 266, Others 70 (Exit poll)' });
    expect((await api(server, 'GET', '/api/elections/ge2017/audit/night-inputs', undefined, null)).status).toBe(401);
  });
});
