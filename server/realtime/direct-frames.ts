/**
 * How a batch of updates reaches a room's viewers: the one module that
 * reads engine.io and ws internals, and the supported path beside it
 * (and how far behind a viewer's WebSocket is, for backlog.ts).
 *
 * socket.io's own broadcast (io.local.to(room).emit) already encodes the
 * packet and frames it once (socket.io-adapter's `wsPreEncodedFrame`), but
 * then walks each viewer through engine.io's packet queue: a packet object,
 * `packetCreate`, `flush`, `drain` and a write callback per viewer. The
 * direct path frames the message once with engine.io's own copy of ws and
 * writes it to each open WebSocket with `_sender.sendFrame`, the call
 * engine.io itself makes for a pre-encoded frame. The bytes on the wire are
 * the same (ADR 0026 has the figures).
 *
 * The direct path is taken only when, at start-up, the installed socket.io,
 * engine.io, ws and socket.io-adapter are the versions these internals were
 * read against (VERIFIED; package.json pins them and
 * tests/architecture/realtime-pins.test.ts fails when they move) and ws's
 * `Sender.frame` and `sendFrame` are there; otherwise the supported path is
 * taken for the life of the process, with one warning. Per viewer it is
 * taken only for a plain open WebSocket with nothing queued in engine.io,
 * not mid-upgrade, without per-message deflate (engine.io's own guard),
 * whose sender is an instance of the very ws copy that built the frame;
 * any other viewer gets the ordinary socket.emit, so nothing overtakes what
 * it was sent before.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PacketType } from 'socket.io-parser';
import type { Server, Socket } from 'socket.io';

/** The versions whose internals this module was read against. */
export const VERIFIED = { 'socket.io': '4.8.4', 'engine.io': '6.6.12', ws: '8.21.3', 'socket.io-adapter': '2.5.8' } as const;

type FrameOptions = { fin: boolean; rsv1: boolean; opcode: number; mask: boolean; readOnly: boolean };
interface WsSender {
  sendFrame(list: Buffer[], cb?: () => void): void;
}

/** What the direct path needs from the installed packages. */
export interface Internals {
  /** Installed version of each package in VERIFIED, as socket.io resolves it. */
  versions: Record<keyof typeof VERIFIED, string | undefined>;
  /** engine.io's copy of ws's Sender (absent from @types/ws): `frame` builds a frame, instances write one. */
  Sender?: { frame?: (data: Buffer, options: FrameOptions) => Buffer[]; prototype?: { sendFrame?: unknown } };
}

function versionOf(entry: string, name: string): string | undefined {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === name) return manifest.version;
  }
  return undefined;
}

/** The packages as socket.io itself loads them: its engine.io, that engine.io's ws, its adapter. */
export function readInstalled(): Internals {
  const fromHere = createRequire(import.meta.url);
  const socketIo = fromHere.resolve('socket.io');
  const fromSocketIo = createRequire(socketIo);
  const engineIo = fromSocketIo.resolve('engine.io');
  const fromEngineIo = createRequire(engineIo);
  const ws = fromEngineIo.resolve('ws');
  return {
    versions: {
      'socket.io': versionOf(socketIo, 'socket.io'),
      'engine.io': versionOf(engineIo, 'engine.io'),
      ws: versionOf(ws, 'ws'),
      'socket.io-adapter': versionOf(fromSocketIo.resolve('socket.io-adapter'), 'socket.io-adapter'),
    },
    Sender: (fromEngineIo('ws') as { Sender?: Internals['Sender'] }).Sender,
  };
}

/** Why the direct path cannot be taken with these internals, or null when it can. */
export function whyNotDirect(internals: Internals): string | null {
  for (const [name, version] of Object.entries(VERIFIED)) {
    const installed = internals.versions[name as keyof typeof VERIFIED];
    if (installed !== version) return `${name} is ${installed ?? 'not found'}, not the ${version} its internals were read against`;
  }
  if (typeof internals.Sender?.frame !== 'function') return "engine.io's ws has no Sender.frame";
  if (typeof internals.Sender.prototype?.sendFrame !== 'function') return "engine.io's ws Sender has no sendFrame";
  return null;
}

/** The engine.io connection fields read per viewer; each is checked before it is used. */
interface EngineConnection {
  readyState?: unknown;
  upgrading?: unknown;
  writeBuffer?: unknown;
  transport?: {
    name?: unknown;
    perMessageDeflate?: unknown;
    socket?: { readyState?: unknown; bufferedAmount?: unknown; _sender?: unknown };
  };
}

const OPEN = 1;

/**
 * The bytes waiting in a viewer's WebSocket buffer (ws's public `bufferedAmount`, on
 * engine.io's private `transport.socket`); 0 when it cannot be read.
 */
export function websocketBuffered(socket: Socket): number {
  const transport = (socket.conn as unknown as EngineConnection).transport;
  const buffered = transport?.name === 'websocket' ? transport.socket?.bufferedAmount : 0;
  return typeof buffered === 'number' ? buffered : 0;
}

export type BroadcastPath = 'direct' | 'socket.io';

export interface Broadcaster {
  /** Which path this process's broadcasts take, chosen once at start-up. */
  readonly path: BroadcastPath;
  /** io.local.to(room).emit(event, payload), a viewer too far behind dropped instead. Returns how many viewers it reached. */
  broadcast(room: string, event: string, payload: unknown): number;
}

export interface BroadcasterOptions {
  internals?: Internals;
  warn?: (line: string) => void;
  /** Which viewers are too far behind to be sent more, and how they are dropped (backlog.ts: they reconnect and resync). */
  backlog?: { behind(socket: Socket): boolean; drop(socket: Socket): void };
}

export function createBroadcaster(
  io: Server,
  { internals = readInstalled(), warn = console.warn, backlog }: BroadcasterOptions = {},
): Broadcaster {
  const why = whyNotDirect(internals);
  if (why) warn(`broadcasts take socket.io's own path (slower per viewer, same bytes): ${why} (server/realtime/direct-frames.ts)`);
  const Sender = why ? null : (internals.Sender as Required<Internals>['Sender'] & (new (...args: never[]) => WsSender));
  const frame = Sender?.frame;

  /** The frame of this message, or null when it is not one text frame (binary payloads take several). */
  function frameOf(event: string, payload: unknown): Buffer[] | null {
    if (!frame) return null;
    const encoded = io.encoder.encode({ type: PacketType.EVENT, nsp: '/', data: [event, payload] });
    if (encoded.length !== 1 || typeof encoded[0] !== 'string') return null;
    // "4": an engine.io message packet; framed as socket.io-adapter frames it.
    return [Buffer.concat(frame(Buffer.from(`4${encoded[0]}`), { fin: true, rsv1: false, opcode: 1, mask: false, readOnly: false }))];
  }

  /** The writer for a viewer that can take the frame now, or null. */
  function writerOf(socket: Socket): WsSender | null {
    const conn = socket.conn as unknown as EngineConnection;
    if (conn.readyState !== 'open' || conn.upgrading !== false || !Array.isArray(conn.writeBuffer) || conn.writeBuffer.length > 0)
      return null;
    const transport = conn.transport;
    if (transport?.name !== 'websocket' || transport.perMessageDeflate) return null;
    const sender = transport.socket?.readyState === OPEN ? transport.socket._sender : undefined;
    return Sender && sender instanceof Sender ? (sender as WsSender) : null;
  }

  /** Drops the viewers too far behind; collected first, as dropping one changes the room being walked. */
  function dropViewersBehind(members: Iterable<string>): Socket[] {
    const sockets = io.of('/').sockets;
    const keep: Socket[] = [];
    const behind: Socket[] = [];
    for (const id of members) {
      const socket = sockets.get(id);
      if (socket) (backlog?.behind(socket) ? behind : keep).push(socket);
    }
    for (const socket of behind) backlog!.drop(socket);
    return keep;
  }

  return {
    path: why ? 'socket.io' : 'direct',
    broadcast(room, event, payload) {
      const members = io.of('/').adapter.rooms.get(room);
      if (!members || members.size === 0) return 0;
      const viewers = dropViewersBehind(members);
      const list = frameOf(event, payload);
      if (!list) {
        io.local.to(room).emit(event, payload);
        return viewers.length;
      }
      for (const socket of viewers) {
        const writer = writerOf(socket);
        if (writer) writer.sendFrame(list);
        else socket.emit(event, payload);
      }
      return viewers.length;
    },
  };
}
