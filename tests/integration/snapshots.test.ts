import http from 'node:http';
import { describe, expect, test } from 'vitest';
import { api, closedAfterEach, startServer, watch } from '../support/server.ts';

describe('snapshots', () => {
  const opened = closedAfterEach();

  test('a viewer asking again and again gets one more snapshot, and every ask is answered', async () => {
    const server = opened(await startServer());
    const viewer = opened(await watch(server, 'ge2017'));
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => new Promise<{ ok: boolean }>((resolve) => viewer.emit('state:request', resolve))),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    await viewer.nextSnapshot();
    expect(viewer.snapshots).toHaveLength(2);
  });

  test('viewers arriving together each get the state once, the same state', async () => {
    const server = opened(await startServer());
    const viewers = (await Promise.all(Array.from({ length: 20 }, () => watch(server, 'ge2017')))).map(opened);
    for (const viewer of viewers) expect(viewer.snapshots).toHaveLength(1);
    expect(new Set(viewers.map((v) => JSON.stringify(v.snapshots[0].seatStates))).size).toBe(1);
  });

  test('the reference a snapshot is read against carries its version as a strong ETag and answers 304 when held', async () => {
    const server = opened(await startServer());
    const viewer = opened(await watch(server, 'ge2017'));
    const first = await api(server, 'GET', '/api/elections/ge2017/reference');
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe(`"${first.body.referenceVersion}"`);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(first.body.seats).toEqual(viewer.snapshots[0].seats);
    const again = await new Promise<number>((resolve, reject) => {
      http.get(`${server.url}/api/elections/ge2017/reference`, { agent: false, headers: { 'if-none-match': first.headers.etag } }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      }).on('error', reject);
    });
    expect(again).toBe(304);
  });
});
