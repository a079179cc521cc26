/**
 * What one client may hold of the HTTP server before any authentication: slow headers, a trickled
 * body, idle connections, pipelined requests and connections per address are all bounded, while
 * socket.io's long-polls and WebSockets go on working. Small limits here so each bound shows in
 * a second or two; the defaults are in server/http/connection-bounds.ts.
 */
import net from 'node:net';
import { describe, expect, test } from 'vitest';
import { httpOptions, readConfig } from '../../server/config/env.ts';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from '../../server/http/connection-bounds.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { api, closedAfterEach, startServer, watch, type RunningServer } from '../support/server.ts';

const opened = closedAfterEach();
const SMALL: Partial<HttpLimits> = { headersTimeoutMs: 1000, requestTimeoutMs: 1500, keepAliveTimeoutMs: 500, idleTimeoutMs: 1000 };

/** A raw TCP connection to the server, with what it has received and when (ms after opening) it was closed. */
async function rawConnection(server: RunningServer) {
  const socket = net.connect(server.port, '127.0.0.1');
  const opened = Date.now();
  const state = { received: '', closedAfterMs: null as number | null, socket };
  socket.on('data', (chunk) => (state.received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  socket.on('close', () => (state.closedAfterMs = Date.now() - opened));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return state;
}

const waitUntil = async (done: () => boolean, withinMs: number) => {
  const started = Date.now();
  while (!done() && Date.now() - started < withinMs) await new Promise((r) => setTimeout(r, 20));
  return done();
};

type Connection = Awaited<ReturnType<typeof rawConnection>>;

/** Sends one character every `everyMs` until the connection closes or the text ends. */
function trickle(connection: Connection, text: string, everyMs: number) {
  let at = 0;
  const timer = setInterval(() => {
    if (connection.closedAfterMs !== null || at >= text.length) return clearInterval(timer);
    connection.socket.write(text[at++]);
  }, everyMs);
  return () => clearInterval(timer);
}

describe('HTTP connection bounds', () => {
  test('headers sent a byte at a time are cut off at the headers timeout', async () => {
    const server = opened(await startServer({ app: { httpLimits: SMALL } }));
    const connection = await rawConnection(server);
    connection.socket.write('GET /api/elections HTTP/1.1\r\nHost: x\r\n');
    const stop = trickle(connection, 'X-Slow: ' + 'a'.repeat(200), 100);
    expect(await waitUntil(() => connection.closedAfterMs !== null, 6000)).toBe(true);
    stop();
    expect(connection.closedAfterMs).toBeLessThan(4000);
  }, 10_000);

  test('a body trickled a byte at a time is cut off at the request timeout, before it reaches a route', async () => {
    const server = opened(await startServer({ app: { httpLimits: SMALL } }));
    const connection = await rawConnection(server);
    const body = JSON.stringify(labourGainIn(CROYDON_CENTRAL));
    connection.socket.write(
      `POST /api/elections/ge2017/declarations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ` +
        `${body.length}\r\n\r\n`,
    );
    const stop = trickle(connection, body, 100);
    expect(await waitUntil(() => connection.closedAfterMs !== null, 6000)).toBe(true);
    stop();
    expect(connection.closedAfterMs).toBeLessThan(4500);
    expect(connection.received).not.toMatch(/ 201 /);
  }, 10_000);

  test('an idle connection, and a kept-alive one after its answer, are closed', async () => {
    const server = opened(await startServer({ app: { httpLimits: SMALL } }));
    const idle = await rawConnection(server);
    const kept = await rawConnection(server);
    kept.socket.write('GET /api/elections HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await waitUntil(() => idle.closedAfterMs !== null && kept.closedAfterMs !== null, 6000)).toBe(true);
    expect(kept.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(Math.max(idle.closedAfterMs!, kept.closedAfterMs!)).toBeLessThan(4000);
  }, 10_000);

  test('a connection with more pipelined requests in flight than allowed is closed, unanswered beyond them', async () => {
    const server = opened(await startServer({ app: { httpLimits: { maxPipelined: 8 } } }));
    const connection = await rawConnection(server);
    connection.socket.write('GET /api/elections/ge2017/state HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(500));
    expect(await waitUntil(() => connection.closedAfterMs !== null, 5000)).toBe(true);
    expect(connection.received.match(/HTTP\/1\.1 200/g)?.length ?? 0).toBeLessThanOrEqual(8);
    // Everyone else is answered as before.
    expect((await api(server, 'GET', '/api/elections')).status).toBe(200);
  });

  test("one address may open only so many connections; a trusted proxy's address any number", async () => {
    const server = opened(await startServer({ app: { httpLimits: { maxConnectionsPerAddress: 3 } } }));
    const connections: Connection[] = [];
    for (let i = 0; i < 5; i++) connections.push(await rawConnection(server));
    await waitUntil(() => connections.filter((c) => c.closedAfterMs !== null).length >= 2, 2000);
    expect(connections.map((c) => c.closedAfterMs !== null)).toEqual([false, false, false, true, true]);
    for (const c of connections) c.socket.destroy();
    // Once closed, the address may connect again.
    await waitUntil(() => connections.every((c) => c.closedAfterMs !== null), 2000);
    expect((await api(server, 'GET', '/api/elections')).status).toBe(200);

    const proxied = opened(await startServer({ trustedProxies: ['127.0.0.1'], app: { httpLimits: { maxConnectionsPerAddress: 3 } } }));
    const many: Connection[] = [];
    for (let i = 0; i < 5; i++) many.push(await rawConnection(proxied));
    await new Promise((r) => setTimeout(r, 300));
    expect(many.every((c) => c.closedAfterMs === null)).toBe(true);
    for (const c of many) c.socket.destroy();
  });

  test('socket.io goes on working: a long-poll held past the request and keep-alive timeouts, and a quiet WebSocket past the idle timeout', async () => {
    // The poll is idle while held, so its server's idle timeout is above the wait, as the default is above socket.io's 25 s.
    const pollServer = opened(await startServer({ app: { httpLimits: { ...SMALL, idleTimeoutMs: 5000 } } }));
    const wsServer = opened(await startServer({ app: { httpLimits: SMALL } }));
    const polling = opened(await watch(pollServer, 'ge2017', { transports: ['polling'] }));
    const websocket = opened(await watch(wsServer, 'ge2017', { transports: ['websocket'] }));
    await new Promise((r) => setTimeout(r, 2500));
    for (const server of [pollServer, wsServer]) {
      expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    }
    expect((await polling.nextUpdate()).seq).toBe(1);
    expect((await websocket.nextUpdate()).seq).toBe(1);
    expect(polling.connected && websocket.connected).toBe(true);
  }, 15_000);

  test('by default a long-poll is held well within the idle timeout', async () => {
    const server = opened(await startServer());
    const { pingInterval, pingTimeout } = server.app.io.engine.opts;
    expect(DEFAULT_HTTP_LIMITS.idleTimeoutMs).toBeGreaterThan(pingInterval! + pingTimeout!);
    expect(DEFAULT_HTTP_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(DEFAULT_HTTP_LIMITS.requestTimeoutMs);
  });

  test('each bound is an environment variable with its default; a bad value names the variable', () => {
    expect(httpOptions(readConfig({})).httpLimits).toEqual(DEFAULT_HTTP_LIMITS);
    expect(httpOptions(readConfig({ HTTP_MAX_CONNECTIONS_PER_ADDRESS: '0', HTTP_HEADERS_TIMEOUT_MS: '5000' })).httpLimits).toMatchObject({
      maxConnectionsPerAddress: 0,
      headersTimeoutMs: 5000,
    });
    expect(() => readConfig({ HTTP_IDLE_TIMEOUT_MS: '20000' })).toThrow(/HTTP_IDLE_TIMEOUT_MS: must be at least 30000/);
    expect(() => readConfig({ HTTP_MAX_PIPELINED: 'lots' })).toThrow(/HTTP_MAX_PIPELINED/);
  });
});
