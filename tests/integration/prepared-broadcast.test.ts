import { describe, expect, test } from 'vitest';
import { labourGainIn } from '../fixtures/declarations.ts';
import { api, closedAfterEach, startServer, watch } from '../support/server.ts';

// Updates to WebSocket viewers are framed once and written straight to each
// connection (server/realtime/direct-frames.ts); the others take socket.io's path.
describe('a broadcast framed once for every viewer', () => {
  const opened = closedAfterEach();

  test('reaches WebSocket, long-polling and upgrading viewers alike: the same updates, in seq order, none twice', async () => {
    // A 1 ms window: the declarations go out in several broadcasts, some while earlier ones are still being written.
    const server = opened(await startServer({ batchWindowMs: 1 }));
    const viewers = [
      opened(await watch(server, 'ge2017', { transports: ['websocket'] })),
      opened(await watch(server, 'ge2017', { transports: ['polling'] })),
      opened(await watch(server, 'ge2017', { transports: ['polling', 'websocket'] })),
    ];
    const seats = viewers[0].snapshots[0].seatStates
      .filter((s) => s.status === 'undeclared')
      .map((s) => s.code)
      .slice(0, 12);
    for (const wave of [seats.slice(0, 6), seats.slice(6)]) {
      const replies = await Promise.all(wave.map((seat) => api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))));
      expect(replies.map((r) => r.status)).toEqual(wave.map(() => 201));
    }
    for (const viewer of viewers) while (viewer.updates.length < seats.length) await viewer.nextUpdate();

    const [websocket, polling, upgrading] = viewers;
    expect(websocket.updates.map((u) => u.seq)).toEqual(seats.map((_, i) => i + 1));
    expect(polling.updates).toEqual(websocket.updates);
    expect(upgrading.updates).toEqual(websocket.updates);
    expect(websocket.updates.map((u) => u.seat.code).sort()).toEqual([...seats].sort());
  });
});
