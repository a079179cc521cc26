/**
 * What a viewer's connection keeps for its life, cut to what is read later.
 * socket.io, engine.io and ws hold about 11 KB per viewer as they come; most
 * of the rest of a viewer's memory is their own objects. Measured with heap
 * snapshots (README, "Speed"): the opening request alone was over 1 KB a viewer.
 *
 * This reads engine.io 6.6 internals (its upgrade response, its handshake
 * error listener); where they are not as expected it changes nothing.
 */
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import type { Server } from 'socket.io';

/** What engine.io hands middlewares for a websocket upgrade (its WebSocketResponse). */
interface UpgradeResponse {
  req: IncomingMessage;
  socket: NetSocket;
}
type OnceWrapper = ((...args: unknown[]) => void) & { listener?: unknown };
interface EngineSocket {
  request: IncomingMessage;
  transport: { socket?: { listeners(event: 'error'): Function[]; removeListener(event: 'error', listener: (...args: unknown[]) => void): unknown } };
}

/**
 * Viewers arrive one after another with the same URL, query, Host and Origin: each
 * connection keeps the copy the one before it kept, when they are equal, not its own.
 */
function sameAsLast<T>(keyOf: (value: T) => string): (value: T) => T {
  let last: { key: string; value: T } | null = null;
  return (value) => {
    const key = keyOf(value);
    if (last?.key === key) return last.value;
    last = { key, value };
    return value;
  };
}

const sameText = <T extends string | undefined>() => sameAsLast<T>((text) => String(text));
const sameUrl = sameText<string | undefined>();
const sameQuery = sameAsLast<unknown>((query) => JSON.stringify(query));
// Without a cookie (every public viewer) the headers kept are Origin and Host alone.
const sameHeaders = sameAsLast<Record<string, string>>((headers) => JSON.stringify(headers));

/** The parts of the opening request that outlive it: cookie and Origin headers, URL, query, TLS. */
function lightRequest(request: IncomingMessage): IncomingMessage {
  const { cookie, origin, host } = request.headers;
  const headers = { ...(cookie && { cookie }), ...(origin && { origin }), ...(host && { host }) };
  return {
    headers: cookie ? headers : sameHeaders(headers),
    url: sameUrl(request.url),
    _query: sameQuery((request as IncomingMessage & { _query?: unknown })._query),
    connection: { encrypted: Boolean((request.socket as { encrypted?: boolean } | null)?.encrypted) },
  } as unknown as IncomingMessage;
}

/** socket.io's handshake time, a string per connection: shared with the connection before when equal. */
const sameTime = sameText<string>();

export function keepConnectionsLean(io: Server): void {
  // engine.io keeps each connection's first HTTP request for the socket's life: kilobytes
  // a viewer. Keep only what socket.io's handshake and the editors' desk read from it.
  // Its stand-in response to a websocket upgrade also keeps the opening request, and
  // itself stays reachable from a once('close') listener on the TCP socket. Note it (the
  // listener it has just added) so the connection can let both go.
  const upgrades = new WeakMap<IncomingMessage, { response: UpgradeResponse; close?: OnceWrapper }>();
  io.engine.use((request: IncomingMessage, response: unknown, next: () => void) => {
    if (!(response instanceof ServerResponse)) {
      const upgrade = response as UpgradeResponse;
      const close = upgrade.socket.rawListeners('close').at(-1) as OnceWrapper | undefined;
      // Added by its constructor just before the middlewares run; a once() wrapper, unlike ws's own.
      upgrades.set(request, { response: upgrade, close: typeof close?.listener === 'function' ? close : undefined });
    }
    next();
  });
  io.engine.on('connection', (raw: EngineSocket) => {
    const light = lightRequest(raw.request);
    const upgrade = upgrades.get(raw.request);
    if (upgrade) {
      upgrade.response.req = light;
      if (upgrade.close) upgrade.response.socket.removeListener('close', upgrade.close);
    }
    raw.request = light;
    // engine.io leaves its handshake-time error listener on every websocket for good.
    const websocket = raw.transport.socket;
    for (const listener of websocket?.listeners('error') ?? []) {
      if (listener.name === 'onUpgradeError') websocket!.removeListener('error', listener as (...args: unknown[]) => void);
    }
  });
  io.on('connection', (socket) => {
    socket.handshake.time = sameTime(socket.handshake.time);
  });
}
