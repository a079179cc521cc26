/**
 * How far behind each viewer is: the bytes sent to it that it has not yet
 * taken. A viewer that never reads (a stalled tab, or someone hostile)
 * would otherwise hold every broadcast and snapshot in the server's memory
 * for as long as it stays connected.
 *
 * Two places hold a viewer's backlog:
 * - engine.io's queue of packets not yet handed to the transport (a
 *   long-polling client that does not come back for them, or a WebSocket
 *   still writing the last batch). Counted through engine.io's public
 *   `packetCreate` and `flush` events on each connection.
 * - the WebSocket's own buffer (ws's public `bufferedAmount`), which is
 *   also where the frames written once for every viewer go. engine.io keeps
 *   its ws object as `transport.socket`, not a public field: it is read in
 *   direct-frames.ts with the other internals, and where it is not there
 *   only the queue counts.
 */
import type { Server, Socket } from 'socket.io';
import { websocketBuffered } from './direct-frames.ts';

/** A viewer further behind than this is dropped; it reconnects and gets the state afresh. */
export const DEFAULT_BACKLOG_LIMIT_BYTES = 1024 * 1024;
/** A snapshot is only sent to a viewer that has taken nearly everything sent before it. */
export const SNAPSHOT_BACKLOG_LIMIT_BYTES = 64 * 1024;

const QUEUED = Symbol('bytes queued in engine.io');

interface CountedConnection {
  [QUEUED]?: number;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

function packetBytes(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data && typeof (data as ArrayBufferLike).byteLength === 'number') return (data as ArrayBufferLike).byteLength;
  return 0;
}

// Shared by every connection (called with the connection as `this`): no closures per viewer.
function onPacketCreate(this: CountedConnection, packet: { data?: unknown }) {
  this[QUEUED] = (this[QUEUED] ?? 0) + packetBytes(packet.data);
}
function onFlush(this: CountedConnection) {
  this[QUEUED] = 0;
}

export function countBacklogs(io: Server): void {
  io.engine.on('connection', (conn: CountedConnection) => {
    conn[QUEUED] = 0;
    conn.on('packetCreate', onPacketCreate);
    conn.on('flush', onFlush);
  });
}

/** The bytes sent to this viewer that it has not taken yet. */
export function backlogBytes(socket: Socket): number {
  const conn = socket.conn as unknown as CountedConnection;
  return (conn[QUEUED] ?? 0) + websocketBuffered(socket);
}

/**
 * Drops a viewer that is too far behind. The transport is discarded at once:
 * an ordinary close would wait for the queue to drain, which is the one
 * thing such a viewer never lets happen.
 */
export function dropBehind(socket: Socket): void {
  socket.conn.close(true);
}
