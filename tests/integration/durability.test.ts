import { afterEach, describe, expect, test } from 'vitest';
import { api, startServer, watch, type RunningServer } from '../support/server.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';

describe('a restart', () => {
  let server: RunningServer;
  afterEach(async () => server?.close());

  test('keeps every declaration and every version', async () => {
    server = await startServer();
    const state = (await api(server, 'GET', '/api/elections/ge2017/state')).body;
    const seats: string[] = state.seats.map((s: { code: string }) => s.code);
    for (const seat of seats) {
      expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))).status).toBe(201);
    }
    const { seat: _s, ...figures } = labourGainIn(CROYDON_CENTRAL, 100, 200);
    await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`, {
      ...figures,
      reason: 'wrong column read',
    });
    const before = (await api(server, 'GET', '/api/elections/ge2017/state')).body;

    await server.restart();

    const after = (await api(server, 'GET', '/api/elections/ge2017/state')).body;
    expect(after.seq).toBe(before.seq);
    expect(after.seatStates).toEqual(before.seatStates);
    expect(after.house).toEqual(before.house);
    const versions = (await api(server, 'GET', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/versions`)).body;
    expect(versions.map((v: { kind: string; version: number }) => [v.version, v.kind])).toEqual([
      [1, 'declared'],
      [2, 'corrected'],
    ]);
    expect(versions[1].reason).toBe('wrong column read');

    const viewer = await watch(server, 'ge2017');
    expect(viewer.snapshots[0].house.declared).toBe(seats.length);
    viewer.close();
  });
});
