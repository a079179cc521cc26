import { brotliDecompressSync } from 'node:zlib';
import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, test } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { CompactSnapshot } from '../../shared/protocol/compact-snapshot.ts';
import { EMBED_PUBLIC } from '../../server/http/etag.ts';
import { labourGainIn } from '../fixtures/declarations.ts';
import { api, closedAfterEach, startServer, TEST_TOKEN, type RunningServer } from '../support/server.ts';
import { getRaw } from '../support/raw-get.ts';
import { request } from '../support/session.ts';

/** A screen's socket that resumes holding a tag, counting the snapshots it is sent before the answer. */
async function resume(server: RunningServer, electionId: string, holding: string) {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(server.url, { transports: ['websocket'], forceNew: true });
  const snapshots: CompactSnapshot[] = [];
  socket.on('state:snapshot', (snapshot) => snapshots.push(snapshot));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  // socket.io keeps a connection's order: a snapshot sent for this ask arrives before its answer.
  const reply = await new Promise<unknown>((resolve) => socket.emit('election:resume', electionId, holding, resolve));
  return { socket, snapshots, reply, close: () => socket.close() };
}

describe('the snapshot over cacheable HTTP, the socket for what changes', () => {
  const opened = closedAfterEach();

  test('GET /snapshot is the socket snapshot, with an ETag and a cache header; a held copy is a 304', async () => {
    const server = opened(await startServer());
    const first = await getRaw(server, '/api/elections/ge2017/snapshot', { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe(EMBED_PUBLIC);
    expect(first.headers.etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers.vary).toBe('accept-encoding');
    // Brotli once it is over the threshold (encoded-body.ts); the article night's few seats may be under it.
    const text = first.headers['content-encoding'] === 'br' ? brotliDecompressSync(first.body) : first.body;
    const snapshot = JSON.parse(text.toString('utf8')) as CompactSnapshot;
    expect(snapshot.election.id).toBe('ge2017');
    expect(snapshot.seq).toBe(0);
    expect((await getRaw(server, '/api/elections/ge2017/snapshot', { 'if-none-match': first.headers.etag! })).status).toBe(304);
    expect((await getRaw(server, '/api/elections/nope/snapshot')).status).toBe(404);
  });

  test('a screen holding the current snapshot joins without being sent it again, and takes the next update', async () => {
    const server = opened(await startServer());
    const { headers } = await getRaw(server, '/api/elections/ge2017/snapshot');
    const screen = opened(await resume(server, 'ge2017', headers.etag!));
    expect(screen.reply).toEqual({ ok: true, data: { seq: 0 } });
    expect(screen.snapshots).toHaveLength(0);

    const updated = new Promise<number>((resolve) => screen.socket.once('election:updated', (u) => resolve(u.seq)));
    const seat = (await api(server, 'GET', '/api/elections/ge2017/state')).body.seatStates[0].code;
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))).status).toBe(201);
    expect(await updated).toBe(1);
    expect(screen.snapshots).toHaveLength(0);
  });

  test('a screen whose copy is behind (a declaration, or new screen settings since) is sent the snapshot on the socket', async () => {
    const server = opened(await startServer());
    const before = (await getRaw(server, '/api/elections/ge2017/snapshot')).headers.etag!;
    const seat = (await api(server, 'GET', '/api/elections/ge2017/state')).body.seatStates[0].code;
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))).status).toBe(201);
    const behind = opened(await resume(server, 'ge2017', before));
    expect(behind.snapshots.map((s) => s.seq)).toEqual([1]);

    const afterDeclaration = (await getRaw(server, '/api/elections/ge2017/snapshot')).headers.etag!;
    const screen = { panels: [{ panel: 'map', seconds: 10 }], gainSpotlightSeconds: 0 };
    expect((await request(server, 'PUT', '/api/elections/ge2017/screen', screen, { bearer: TEST_TOKEN, origin: null })).status).toBe(200);
    const newSettings = (await getRaw(server, '/api/elections/ge2017/snapshot')).headers.etag!;
    expect(newSettings).not.toBe(afterDeclaration);
    const stale = opened(await resume(server, 'ge2017', afterDeclaration));
    expect(stale.snapshots).toHaveLength(1);
    expect(stale.snapshots[0].screen.panels).toEqual(screen.panels);

    const made = opened(await resume(server, 'ge2017', 'not a tag'));
    expect(made.snapshots).toHaveLength(1);
  });
});
