/**
 * Which path a broadcast takes (server/realtime/direct-frames.ts), told by what engine.io does:
 * socket.io's own path creates a packet per viewer in engine.io's queue (its public `packetCreate`
 * event); the direct path writes the frame to the WebSocket and creates none. Real socket.io,
 * real socket.io-client, loopback.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import { createBroadcaster, readInstalled, VERIFIED, type Internals } from '../../server/realtime/direct-frames.ts';
import { broadcastPath } from '../../server/realtime/socket-server.ts';
import { closedAfterEach, startServer } from '../support/server.ts';

interface Setup {
  io: Server;
  http: HttpServer;
  viewers: ClientSocket[];
  /** Message packets engine.io created for the viewers, counted from its public event. */
  queued: () => number;
}

const running: Setup[] = [];
afterEach(async () => {
  for (const { io, viewers } of running.splice(0)) {
    for (const viewer of viewers) viewer.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
  }
});

/** A socket.io server on loopback whose viewers are all in room "r", and `count` of them connected. */
async function roomOf(
  count: number,
  transports: Array<'websocket' | 'polling'> = ['websocket'],
  perMessageDeflate = false,
): Promise<Setup> {
  const http = createServer();
  const io = new Server(http, { serveClient: false, perMessageDeflate });
  let queued = 0;
  io.engine.on('connection', (conn: { on(event: 'packetCreate', listener: (packet: { type: string }) => void): void }) =>
    conn.on('packetCreate', (packet) => {
      if (packet.type === 'message') queued++;
    }),
  );
  io.on('connection', (socket) => socket.join('r'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as { port: number };
  const viewers: ClientSocket[] = [];
  const setup: Setup = { io, http, viewers, queued: () => queued };
  running.push(setup);
  for (let i = 0; i < count; i++) {
    const viewer = connect(`http://127.0.0.1:${port}`, { transports, forceNew: true, reconnection: false });
    viewers.push(viewer);
    await new Promise<void>((resolve) => viewer.once('connect', () => resolve()));
  }
  // Joined on the server: the room holds every viewer before anything is sent.
  while ((io.of('/').adapter.rooms.get('r')?.size ?? 0) < count) await new Promise((resolve) => setTimeout(resolve, 5));
  // An upgrading viewer's first packets go out before it is on its WebSocket: wait for every one to be.
  while ([...io.of('/').sockets.values()].some((s) => s.conn.transport.name !== transports.at(-1)))
    await new Promise((resolve) => setTimeout(resolve, 5));
  return setup;
}

const received = (viewer: ClientSocket) => new Promise<unknown>((resolve) => viewer.once('election:updated', resolve));

describe('the broadcast path', () => {
  test('with the pinned versions installed, the direct path is taken: the frame reaches every WebSocket viewer without a packet in engine.io', async () => {
    const setup = await roomOf(3);
    const warnings: string[] = [];
    const broadcaster = createBroadcaster(setup.io, { warn: (line) => warnings.push(line) });
    expect(broadcaster.path).toBe('direct');
    expect(warnings).toEqual([]);
    const arriving = setup.viewers.map(received);
    const before = setup.queued();
    expect(broadcaster.broadcast('r', 'election:updated', { seq: 7, line: 'LAB GAIN' })).toBe(3);
    expect(await Promise.all(arriving)).toEqual([1, 2, 3].map(() => ({ seq: 7, line: 'LAB GAIN' })));
    expect(setup.queued() - before).toBe(0);
  });

  test('a long-polling viewer in the same room still gets the message, through engine.io', async () => {
    const setup = await roomOf(1, ['polling']);
    const broadcaster = createBroadcaster(setup.io, { warn: () => {} });
    const arriving = received(setup.viewers[0]);
    const before = setup.queued();
    broadcaster.broadcast('r', 'election:updated', { seq: 1 });
    expect(await arriving).toEqual({ seq: 1 });
    expect(setup.queued() - before).toBe(1);
  });

  test("a viewer with per-message deflate goes through engine.io, as engine.io's own guard sends it: a pre-built frame is never compressed", async () => {
    const setup = await roomOf(1, ['websocket'], true);
    const broadcaster = createBroadcaster(setup.io, { warn: () => {} });
    expect(broadcaster.path).toBe('direct');
    const arriving = received(setup.viewers[0]);
    const before = setup.queued();
    broadcaster.broadcast('r', 'election:updated', { seq: 3 });
    expect(await arriving).toEqual({ seq: 3 });
    expect(setup.queued() - before).toBe(1);
  });

  const missing: Array<[string, (installed: Internals) => Internals, RegExp]> = [
    ['ws without Sender.frame', (i) => ({ ...i, Sender: { prototype: i.Sender?.prototype } }), /Sender\.frame/],
    ['a ws Sender without sendFrame', (i) => ({ ...i, Sender: { frame: i.Sender?.frame, prototype: {} } }), /sendFrame/],
    [
      'another engine.io',
      (i) => ({ ...i, versions: { ...i.versions, 'engine.io': '6.6.13' } }),
      /engine\.io is 6\.6\.13, not the 6\.6\.12/,
    ],
  ];
  test.each(missing)(
    "with %s, it falls back to socket.io's own path with one warning, and every viewer still gets the message",
    async (_label, change, warning) => {
      const setup = await roomOf(2);
      const warnings: string[] = [];
      const broadcaster = createBroadcaster(setup.io, { internals: change(readInstalled()), warn: (line) => warnings.push(line) });
      expect(broadcaster.path).toBe('socket.io');
      expect(warnings).toEqual([expect.stringMatching(warning)]);
      const arriving = setup.viewers.map(received);
      const before = setup.queued();
      expect(broadcaster.broadcast('r', 'election:updated', { seq: 2 })).toBe(2);
      expect(await Promise.all(arriving)).toEqual([{ seq: 2 }, { seq: 2 }]);
      expect(setup.queued() - before).toBe(2);
      expect(warnings).toHaveLength(1);
    },
  );

  describe('in the server itself', () => {
    const opened = closedAfterEach();
    test('the results server takes the direct path', async () => {
      const server = opened(await startServer());
      expect(broadcastPath(server.app.io)).toBe('direct');
      expect(readInstalled().versions).toEqual(VERIFIED);
    });
  });
});
