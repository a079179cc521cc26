/**
 * What a viewer's connection keeps for its life. engine.io keeps each
 * connection's opening HTTP request for as long as the socket lives:
 * kilobytes a viewer. socket.io's documented memory recipe
 * (https://socket.io/docs/v4/memory-usage/) is to drop it; it is dropped
 * here once the socket is made, after what is read later is copied into
 * `socket.data` (types.ts). `socket.request` is null afterwards (reading a
 * header from it throws; it is never silently undefined); `socket.handshake`
 * keeps its headers, URL, query and address as socket.io built them, each
 * text shared with the viewers before it that sent the same (viewers arrive
 * with the same browser, language, Host and Origin, the same URL and query):
 * equal strings, one copy.
 *
 * engine.io 6.6 keeps the request in one more place: the stand-in response
 * it hands middlewares for a WebSocket upgrade holds it as `req` (as Node's
 * ServerResponse does), and stays reachable from a `close` listener on the
 * TCP socket for the connection's life. That response is the one the
 * middleware below is given, so its `req` is let go too. Reported upstream:
 * docs/upstream/engine.io-upgrade-response-keeps-request.md.
 */
import { ServerResponse, type IncomingMessage } from 'node:http';
import { readCookie, SESSION_COOKIE } from '../http/identity.ts';
import type { ResultsIo } from './types.ts';

/** engine.io's connection as this reads it: its documented `request`, which may be dropped. */
interface EngineConnection {
  request: IncomingMessage | null;
}

/**
 * The texts held once for every viewer that sent them. Bounded: short texts only (a browser's
 * User-Agent is about 150 characters), and emptied when full, so odd headers from many clients
 * cannot make it hold more than about 2 MB.
 */
const SHARED_TEXTS_MAX = 4096;
const SHARED_TEXT_LENGTH_MAX = 256;
const shared = new Map<string, string>();
function once<T>(value: T): T {
  if (typeof value !== 'string' || value.length > SHARED_TEXT_LENGTH_MAX) return value;
  const held = shared.get(value);
  if (held !== undefined) return held as T;
  if (shared.size >= SHARED_TEXTS_MAX) shared.clear();
  shared.set(value, value);
  return value;
}
/** A record with its keys and values held once; a cookie (an editor's session) is kept as it came, never in the shared texts. */
const sharedValues = <T extends object>(record: T): T =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [once(key), key === 'cookie' ? value : once(value)])) as T;

export function keepConnectionsLean(io: ResultsIo): void {
  const upgrades = new WeakMap<IncomingMessage, { req: IncomingMessage | null }>();
  io.engine.use((request: IncomingMessage, response: unknown, next: () => void) => {
    if (!(response instanceof ServerResponse) && response && typeof response === 'object' && 'req' in response) {
      upgrades.set(request, response as { req: IncomingMessage | null });
    }
    next();
  });
  // Namespace middleware runs once the socket (and its handshake) is made and before it connects.
  io.use((socket, next) => {
    try {
      socket.data.sessionId = readCookie(socket.request.headers.cookie, SESSION_COOKIE) ?? undefined;
    } catch {
      // A cookie header that cannot be read is no session: the connection is the public's.
    }
    const { handshake } = socket;
    Object.assign(handshake, {
      headers: sharedValues(handshake.headers),
      query: sharedValues(handshake.query),
      url: once(handshake.url),
      time: once(handshake.time),
    });
    next();
  });
  io.on('connection', (socket) => {
    const conn = socket.conn as unknown as EngineConnection;
    const upgrade = conn.request && upgrades.get(conn.request);
    if (upgrade) upgrade.req = null;
    conn.request = null;
  });
}
