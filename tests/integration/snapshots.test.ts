import { afterEach, describe, expect, test } from 'vitest';
import { startServer, watch, type RunningServer, type Viewer } from '../support/server.ts';

describe('snapshots', () => {
  let server: RunningServer;
  let viewers: Viewer[] = [];
  afterEach(async () => {
    for (const viewer of viewers) viewer.close();
    viewers = [];
    await server?.close();
  });

  test('a viewer asking again and again gets one more snapshot, and every ask is answered', async () => {
    server = await startServer();
    const viewer = await watch(server, 'ge2017');
    viewers.push(viewer);
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => new Promise<{ ok: boolean }>((resolve) => viewer.emit('state:request', resolve))),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    await viewer.nextSnapshot();
    expect(viewer.snapshots).toHaveLength(2);
  });

  test('viewers arriving together each get the state once, the same state', async () => {
    server = await startServer();
    viewers = await Promise.all(Array.from({ length: 20 }, () => watch(server, 'ge2017')));
    for (const viewer of viewers) expect(viewer.snapshots).toHaveLength(1);
    expect(new Set(viewers.map((v) => JSON.stringify(v.snapshots[0].seatStates))).size).toBe(1);
  });
});
