import http from 'node:http';
import { describe, expect, test } from 'vitest';
import { labourGainIn } from '../fixtures/declarations.ts';
import { api, closedAfterEach, startServer, watch } from '../support/server.ts';

describe('snapshots', () => {
  const opened = closedAfterEach();

  test('a viewer asking again and again is answered every time, and sent the state again only once it has changed', async () => {
    const server = opened(await startServer());
    const viewer = opened(await watch(server, 'ge2017'));
    const ask = () => new Promise<{ ok: boolean; error?: string }>((resolve) => viewer.emit('state:request', resolve));
    const replies = await Promise.all(Array.from({ length: 50 }, ask));
    // A few asks wait for the next allowed snapshot; the rest are told one is on its way. None is left hanging.
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    expect(replies.filter((r) => !r.ok).every((r) => /^state: a snapshot is already on its way/.test(r.error!))).toBe(true);
    // Nothing changed since its snapshot: it holds every byte of the state already.
    expect(viewer.snapshots).toHaveLength(1);

    const seat = (await api(server, 'GET', '/api/elections/ge2017/state')).body.seatStates[0].code;
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))).status).toBe(201);
    await viewer.nextUpdate();
    expect((await ask()).ok).toBe(true);
    await viewer.nextSnapshot();
    expect(viewer.snapshots).toHaveLength(2);
    expect(viewer.snapshots[1].seq).toBe(1);
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
      http
        .get(
          `${server.url}/api/elections/ge2017/reference`,
          { agent: false, headers: { 'if-none-match': first.headers.etag } },
          (response) => {
            response.resume();
            resolve(response.statusCode!);
          },
        )
        .on('error', reject);
    });
    expect(again).toBe(304);
  });
});
