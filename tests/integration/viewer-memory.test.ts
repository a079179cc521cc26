/**
 * What a viewer's connection lets go of once it is made (server/realtime/lean-connections.ts and
 * patches/engine.io+6.6.12.patch, ADR 0034): the upgrade's stand-in response and the request it
 * held are collected while the viewer stays connected, and engine.io's handshake error listener is
 * gone. Real server, real socket.io-client viewers over loopback, a real garbage collection.
 */
import { ServerResponse } from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';
import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, test } from 'vitest';
import { closedAfterEach, startServer } from '../support/server.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** A viewer connected over `transports`, once it has upgraded to a WebSocket. */
async function viewer(url: string, transports: Array<'polling' | 'websocket'>): Promise<Socket> {
  const socket = connect(url, { transports, forceNew: true, reconnection: false });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  while (socket.io.engine.transport.name !== 'websocket') await sleep(20);
  return socket;
}

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5 && ref.deref() !== undefined; i++) {
    await sleep(20);
    gc();
  }
  return ref.deref() === undefined;
}

describe('a viewer connection keeps only what it needs', () => {
  const opened = closedAfterEach();

  test.each([
    ['opened as a WebSocket', ['websocket'] as const],
    ['upgraded from polling', ['polling', 'websocket'] as const],
  ])('%s: the upgrade response and its request are collected while the viewer stays connected', async (_, transports) => {
    const server = opened(await startServer());
    const responses: WeakRef<object>[] = [];
    server.app.io!.engine.use((_request: unknown, response: unknown, next: () => void) => {
      if (!(response instanceof ServerResponse)) responses.push(new WeakRef(response as object));
      next();
    });
    const socket = opened(await viewer(server.url, [...transports]));
    expect(responses).toHaveLength(1);
    expect(await collected(responses[0])).toBe(true);
    expect(socket.connected).toBe(true);
  });

  test('a WebSocket opened without polling keeps one error listener, its transport’s', async () => {
    const server = opened(await startServer());
    const socket = opened(await viewer(server.url, ['websocket']));
    await sleep(50);
    const [connection] = server.app.io!.of('/').sockets.values();
    const websocket = (connection.conn as unknown as { transport: { socket: { listenerCount(event: string): number } } }).transport.socket;
    expect(websocket.listenerCount('error')).toBe(1);
    expect(socket.connected).toBe(true);
  });
});
