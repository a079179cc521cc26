/**
 * A broadcast to a room with the WebSocket frame built once and written
 * straight to each viewer's connection. socket.io also encodes a broadcast
 * once, but then walks every socket through engine.io's packet queue,
 * events and write callbacks; at 10,000 viewers that per-socket work, not
 * the bytes, is most of the time to the last viewer. The bytes on the wire
 * are exactly what socket.emit would send.
 *
 * A connection that is not a plain open WebSocket (long-polling, mid-upgrade,
 * closing) or that still has packets queued in engine.io gets the ordinary
 * socket.emit, so nothing overtakes what it was already sent.
 */
import { PacketType } from 'socket.io-parser';
import type { Server, Socket } from 'socket.io';
import * as ws from 'ws';
import { backlogBytes, dropBehind } from './backlog.ts';

/** The engine.io and ws internals this reads: engine.io itself writes pre-built frames the same way (transports/websocket.ts). */
interface EngineConnection {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: { name: string; socket?: { readyState: number; _sender?: { sendFrame(list: Buffer[]): void } } };
}

const OPEN = 1;

function frameFor(io: Server, event: string, payload: unknown): Buffer | null {
  const encoded = io.encoder.encode({ type: PacketType.EVENT, nsp: '/', data: [event, payload] });
  // Binary payloads take several frames: leave those to socket.io.
  if (encoded.length !== 1 || typeof encoded[0] !== 'string') return null;
  // "4": an engine.io message packet.
  const data = Buffer.from(`4${encoded[0]}`);
  // ws's own framing (its types leave Sender out), as socket.io's adapter uses it.
  const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } };
  const parts = Sender.frame(data, {
    fin: true,
    rsv1: false,
    opcode: 1,
    mask: false,
    readOnly: false,
  });
  return Buffer.concat(parts);
}

/** The frame writer for a connection that can take one now, or null. */
function directWriter(socket: Socket): { sendFrame(list: Buffer[]): void } | null {
  const conn = socket.conn as unknown as EngineConnection;
  const ws = conn.transport.socket;
  if (conn.readyState !== 'open' || conn.upgrading || conn.writeBuffer.length > 0) return null;
  if (conn.transport.name !== 'websocket' || ws?.readyState !== OPEN || !ws._sender) return null;
  return ws._sender;
}

/**
 * socket.io's io.local.to(room).emit(event, payload), with the per-socket work cut to one write.
 * A viewer more than `backlogLimit` bytes behind is dropped instead (backlog.ts): it reconnects
 * and gets the state afresh, and meanwhile the server does not hold the night for it.
 * Returns how many viewers it reached.
 */
export function broadcastPrepared(io: Server, room: string, event: string, payload: unknown, backlogLimit = Infinity): number {
  const members = io.of('/').adapter.rooms.get(room);
  if (!members || members.size === 0) return 0;
  const frame = frameFor(io, event, payload);
  const list = frame && [frame];
  const sockets = io.of('/').sockets;
  let reached = 0;
  // Dropping a viewer leaves the room: collect first, so the loop never walks a set it changes.
  const behind: Socket[] = [];
  for (const id of members) {
    const socket = sockets.get(id);
    if (!socket) continue;
    if (backlogBytes(socket) > backlogLimit) {
      behind.push(socket);
      continue;
    }
    const writer = list && directWriter(socket);
    if (writer) writer.sendFrame(list);
    else socket.emit(event, payload);
    reached++;
  }
  for (const socket of behind) dropBehind(socket);
  return reached;
}
