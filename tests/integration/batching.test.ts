import { afterEach, describe, expect, test } from 'vitest';
import type { CompactUpdate } from '../../shared/protocol/compact-update.ts';
import { labourGainIn } from '../fixtures/declarations.ts';
import { api, startServer, watch, type RunningServer, type Viewer } from '../support/server.ts';

describe('updates published together', () => {
  let server: RunningServer;
  let viewer: Viewer;
  afterEach(async () => {
    viewer?.close();
    await server?.close();
  });

  test('reach a viewer in fewer messages than declarations, every one in seq order and none twice', async () => {
    // A wide window, so the test does not depend on how fast this machine fsyncs.
    server = await startServer({ batchWindowMs: 1000 });
    viewer = await watch(server, 'ge2017');
    const messages: CompactUpdate[][] = [];
    viewer.on('election:updated', (update) => messages.push([update]));
    viewer.on('election:updates', (updates) => messages.push(updates));
    const seats: string[] = viewer.snapshots[0].seatStates
      .filter((s) => s.status === 'undeclared')
      .map((s) => s.code)
      .slice(0, 10);

    const replies = await Promise.all(seats.map((seat) => api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))));
    expect(replies.map((r) => r.status)).toEqual(seats.map(() => 201));
    while (viewer.updates.length < seats.length) await viewer.nextUpdate();

    expect(viewer.updates.map((u) => u.seq)).toEqual(seats.map((_, i) => i + 1));
    expect(messages.length).toBeLessThan(seats.length);
    expect(
      messages
        .flat()
        .map((u) => u.seat[0])
        .sort(),
    ).toEqual([...seats].sort());
  });

  test('are all sent when the server closes before the window ends', async () => {
    server = await startServer({ batchWindowMs: 60_000 });
    viewer = await watch(server, 'ge2017');
    const seat = viewer.snapshots[0].seatStates.find((s) => s.status === 'undeclared')!.code;
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))).status).toBe(201);
    const arriving = viewer.nextUpdate();
    await server.close();
    expect((await arriving).seat.code).toBe(seat);
    server = undefined!;
  });
});
