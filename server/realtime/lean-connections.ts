/**
 * What a viewer's connection keeps for its life. engine.io keeps each
 * connection's opening HTTP request for as long as the socket lives:
 * kilobytes a viewer. socket.io's documented memory recipe
 * (https://socket.io/docs/v4/memory-usage/) is to drop it; it is dropped
 * here once the socket is made, after what is read later is copied into
 * `socket.data` (types.ts). `socket.request` is null afterwards (reading a
 * header from it throws; it is never silently undefined); `socket.handshake`
 * keeps its headers, URL, query, auth and address as socket.io built them,
 * each text shared with the viewers before it that sent the same (viewers
 * arrive with the same browser, language, Host and Origin, the same URL and
 * query): equal strings, one copy; and equal records without a cookie, one
 * frozen copy.
 *
 * engine.io 6.6.12 keeps the request in one more place, and a listener
 * that nothing needs: the stand-in response it hands middlewares for a
 * WebSocket upgrade holds it as `req`, and stays reachable from a `close`
 * listener on the TCP socket for the connection's life; and a WebSocket
 * opened without polling first keeps engine.io's handshake error listener.
 * Both are mended by patches/engine.io+6.6.12.patch, applied on install by
 * patch-package (ADR 0034): the response gets `detach()`, called once ws has
 * the upgrade. Where an install lacks the patch, the response's `req` is let
 * go here (the response itself and the listener stay: about 0.7 KB a
 * viewer), with a warning. Reported upstream:
 * docs/upstream/engine.io-websocket-handshake-retains.md.
 */
import { ServerResponse, type IncomingMessage } from 'node:http';
import { readCookie, SESSION_COOKIE } from '../http/identity.ts';
import type { ResultsIo } from './types.ts';

/** engine.io's connection as this reads it: its documented `request`, which may be dropped. */
interface EngineConnection {
  request: IncomingMessage | null;
}

/** engine.io's stand-in response to a WebSocket upgrade; `detach` is the patch's. */
interface UpgradeResponse {
  req: IncomingMessage | null;
  detach?: () => void;
}
const isUpgradeResponse = (response: unknown): response is UpgradeResponse =>
  !(response instanceof ServerResponse) && typeof response === 'object' && response !== null && 'req' in response;

let warned = false;
/** Whether engine.io lets the response go itself (patched); warns once where it does not. */
function isPatched(response: UpgradeResponse): boolean {
  if (typeof response.detach === 'function') return true;
  if (!warned) {
    warned = true;
    console.warn(
      'engine.io is not patched (patches/engine.io+6.6.12.patch; run npm install): each viewer keeps about 0.7 KB more (ADR 0034)',
    );
  }
  return false;
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

/**
 * The public's viewers send the same headers and query, and no auth: one frozen record for all that sent
 * the same, bounded as the texts are. A record with a cookie, or a long one, is the connection's own.
 */
const SHARED_RECORDS_MAX = 256;
const SHARED_RECORD_LENGTH_MAX = 2048;
const records = new Map<string, object>();
function sharedRecord<T extends object>(record: T): T {
  if ('cookie' in record) return sharedValues(record);
  const key = JSON.stringify(record);
  if (key.length > SHARED_RECORD_LENGTH_MAX) return sharedValues(record);
  const held = records.get(key);
  if (held !== undefined) return held as T;
  if (records.size >= SHARED_RECORDS_MAX) records.clear();
  const frozen = Object.freeze(sharedValues(record));
  records.set(key, frozen);
  return frozen;
}

export function keepConnectionsLean(io: ResultsIo): void {
  const upgrades = new WeakMap<IncomingMessage, UpgradeResponse>();
  io.engine.use((request: IncomingMessage, response: unknown, next: () => void) => {
    if (isUpgradeResponse(response) && !isPatched(response)) upgrades.set(request, response);
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
      headers: sharedRecord(handshake.headers),
      query: sharedRecord(handshake.query),
      auth: sharedRecord(handshake.auth),
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
