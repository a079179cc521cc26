import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { api, startServer, watch, type RunningServer, type Viewer } from '../support/server.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';

describe('live updates over socket.io', () => {
  let server: RunningServer;
  const viewers: Viewer[] = [];

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    viewers.splice(0).forEach((v) => v.close());
    await server.close();
  });

  test('a declaration reaches every watching client with the next sequence number', async () => {
    viewers.push(await watch(server, 'ge2017'), await watch(server, 'ge2017'), await watch(server, 'ge2017'));
    const before = viewers[0].snapshots[0].seq;

    const posted = await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL));
    expect(posted.status).toBe(201);
    expect(posted.body.seq).toBe(before + 1);

    for (const viewer of viewers) {
      const update = await viewer.nextUpdate();
      expect(update.seq).toBe(before + 1);
      expect(update.seat.code).toBe(CROYDON_CENTRAL);
      expect(update.seat.outcome?.label.text).toBe('Lab GAIN from Con');
      // A lone update carries the House figures after it.
      const lab = update.house!.partyTable.find((row) => row.party === 'Lab');
      const con = update.house!.partyTable.find((row) => row.party === 'Con');
      expect(lab).toMatchObject({ seats: 1, gains: 1, losses: 0, net: 1 });
      expect(con).toMatchObject({ seats: 0, gains: 0, losses: 1, net: -1 });
    }
  });

  test('a client watching another election does not receive the update', async () => {
    const other = await watch(server, 'ge2024');
    const same = await watch(server, 'ge2017');
    viewers.push(other, same);
    await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL));
    await same.nextUpdate();
    expect(other.updates).toHaveLength(0);
  });

  test('updates arrive in sequence order, one per change, with nothing missed', async () => {
    const viewer = await watch(server, 'ge2017');
    viewers.push(viewer);
    const state = viewer.snapshots[0];
    const seats = state.seats.slice(0, 5).map((s) => s.code);
    await Promise.all(seats.map((seat) => api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))));
    const updates = [];
    for (let i = 0; i < seats.length; i++) updates.push(await viewer.nextUpdate());
    expect(updates.map((u) => u.seq)).toEqual(seats.map((_, i) => state.seq + i + 1));
    expect(new Set(updates.map((u) => u.seat.code))).toEqual(new Set(seats));
  });

  test('a client that reconnects gets the current state, including what it missed', async () => {
    const viewer = await watch(server, 'ge2017');
    viewers.push(viewer);
    viewer.disconnect();
    await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL));
    viewer.connect();
    const snapshot = await viewer.nextSnapshot();
    const croydon = snapshot.seatStates.find((s) => s.code === CROYDON_CENTRAL);
    expect(croydon?.status).toBe('declared');
    expect(snapshot.seq).toBe(viewer.snapshots[0].seq + 1);
  });

  test('a client that asks for the state again after a gap gets a fresh snapshot', async () => {
    const viewer = await watch(server, 'ge2017');
    viewers.push(viewer);
    await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL));
    await viewer.nextUpdate();
    viewer.emit('state:request');
    const snapshot = await viewer.nextSnapshot();
    expect(snapshot.seq).toBe(viewer.updates[0].seq);
    expect(snapshot.house.declared).toBe(1);
  });

  test('a correction, a recount and a withdrawal each reach clients as numbered updates', async () => {
    const viewer = await watch(server, 'ge2017');
    viewers.push(viewer);
    const corrected = labourGainIn(CROYDON_CENTRAL, 17_000, 18_000);
    const { seat: _seat, ...figures } = corrected;
    const base = `/api/elections/ge2017/seats/${CROYDON_CENTRAL}`;
    const steps: Array<[string, unknown, number]> = [
      ['/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), 201],
      [`${base}/correction`, { ...figures, reason: 'votes transposed' }, 200],
      [`${base}/recount`, { reason: 'recount called by the candidates' }, 200],
      [`${base}/withdrawal`, { reason: 'entered in error' }, 200],
    ];
    // One change at a time, each seen before the next, so each arrives alone with its House figures.
    const changes = [];
    for (const [route, body, status] of steps) {
      expect((await api(server, 'POST', route, body)).status).toBe(status);
      changes.push(await viewer.nextUpdate());
    }
    expect(changes.map((u) => u.change)).toEqual(['declared', 'corrected', 'recount', 'withdrawn']);
    expect(changes[1].seat.outcome?.label.text).toBe('Con HOLD');
    expect(changes[1].house!.partyTable.find((r) => r.party === 'Lab')?.gains).toBe(0);
    expect(changes[2].seat).toMatchObject({ status: 'recount', outcome: null });
    expect(changes[3].seat).toMatchObject({ status: 'undeclared', version: 4 });
    expect(changes[3].house!.declared).toBe(0);
  });
});
