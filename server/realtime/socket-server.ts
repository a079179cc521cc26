/**
 * The only module that touches socket.io: a snapshot when a client starts
 * watching an election (snapshot-sender.ts), then the numbered updates to
 * its room, those published together in one message (batcher.ts).
 * The public connection is read-only: clients can only ask for state.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Ack, ClientToServerEvents } from '../../shared/protocol/events.ts';
import type { CompactSnapshot, NightReference } from '../../shared/protocol/compact-snapshot.ts';
import { compactUpdate } from '../../shared/protocol/compact-update.ts';
import { ElectionId, type Election, type ElectionUpdate, type ExitPoll, type ScreenSettings } from '../../shared/protocol/schemas.ts';
import { backlogBytes, countBacklogs, DEFAULT_BACKLOG_LIMIT_BYTES, dropBehind } from './backlog.ts';
import { guarded, replyTo } from './guarded.ts';
import { createBroadcaster, type Broadcaster } from './direct-frames.ts';
import { keepConnectionsLean } from './lean-connections.ts';
import { createSnapshotSender, type StateSource } from './snapshot-sender.ts';
import type { ResultsIo, ResultsSocket } from './types.ts';

const room = (electionId: string) => `election:${electionId}`;

export interface SocketOptions {
  /** Refuses a connection before it is made, e.g. from another site's page (Origin check). */
  allowRequest?: (request: IncomingMessage) => boolean;
  /** Further handlers on each connection (the editors' desk, server/realtime/desk-socket.ts). */
  onConnection?: (socket: ResultsSocket) => void;
  /** A viewer further behind than this many bytes is dropped (backlog.ts); it reconnects and resyncs. */
  backlogLimitBytes?: number;
}

/** Each server's broadcaster, read by its broadcasts. */
const broadcasters = new WeakMap<ResultsIo, Broadcaster>();

/** Which path this server's broadcasts take (direct-frames.ts). */
export function broadcastPath(io: ResultsIo) {
  return broadcasters.get(io)?.path;
}

export type { StateSource } from './snapshot-sender.ts';

export function createSocketServer(http: HttpServer, service: StateSource, options: SocketOptions = {}): ResultsIo {
  const { allowRequest } = options;
  const io: ResultsIo = new Server(http, {
    serveClient: false,
    // Small messages: the default 1 MB is far more than any client needs to send.
    maxHttpBufferSize: 16 * 1024,
    // Compression costs ~15x the memory per viewer for little gain on small updates.
    perMessageDeflate: false,
    ...(allowRequest && { allowRequest: (request, callback) => callback(null, allowRequest(request)) }),
  });

  keepConnectionsLean(io);
  countBacklogs(io);
  const limit = options.backlogLimitBytes ?? DEFAULT_BACKLOG_LIMIT_BYTES;
  broadcasters.set(io, createBroadcaster(io, { backlog: { behind: (socket) => backlogBytes(socket) > limit, drop: dropBehind } }));

  const snapshots = createSnapshotSender(io, service, room);
  // One listener function for all sockets (EventEmitter calls it with the socket as `this`):
  // a closure per socket per event costs each viewer memory for nothing.
  /** election:watch, and election:resume with the tag of a snapshot already held: join the room, and a snapshot unless it is held. */
  function watch(socket: ResultsSocket, electionId: unknown, respond: (reply: Ack<{ seq: number }>) => void, holding?: unknown) {
    if (!ElectionId.safeParse(electionId).success) {
      respond({ ok: false, error: 'election: must be an election id such as ge2017' });
      return;
    }
    // A tag is a quoted 22-character hash (snapshot-tag.ts); anything else cannot match: a snapshot as for a watch.
    const held = typeof holding === 'string' && holding.length <= 64 ? holding : undefined;
    snapshots.queue(socket, electionId as string, true, respond, held);
  }
  const onWatch = guarded(
    'election:watch',
    function (this: ResultsSocket, ...[electionId, ack]: Parameters<ClientToServerEvents['election:watch']>) {
      watch(this, electionId, replyTo(ack));
    },
  );
  const onResume = guarded(
    'election:resume',
    function (this: ResultsSocket, ...[electionId, holding, ack]: Parameters<ClientToServerEvents['election:resume']>) {
      watch(this, electionId, replyTo(ack), holding);
    },
  );
  const onStateRequest = guarded(
    'state:request',
    function (this: ResultsSocket, ...[ack]: Parameters<ClientToServerEvents['state:request']>) {
      const respond = replyTo(ack);
      const electionId = this.data.electionId;
      if (!electionId) {
        respond({ ok: false, error: 'election: watch an election first (election:watch)' });
        return;
      }
      snapshots.queue(this, electionId, false, respond);
    },
  );
  const { onConnection } = options;
  io.on('connection', (socket) => {
    // socket.io puts every socket in a room of its own id: a Set and a map entry per viewer
    // that nothing here addresses (snapshots go through a room of their own, snapshot-sender.ts).
    socket.leave(socket.id);
    onConnection?.(socket);
    socket.on('election:watch', onWatch);
    socket.on('election:resume', onResume);
    socket.on('state:request', onStateRequest);
  });

  return io;
}

/** TRACE_BROADCAST=1: each broadcast's send loop and CPU on stderr, for the fan-out bench (README, Speed). */
const TRACE = process.env.TRACE_BROADCAST === '1';

/**
 * One message per room, framed once for all its viewers (direct-frames.ts),
 * each update compact against the reference this process serves (compact-update.ts).
 * A single change goes as election:updated, which every client knows; several go
 * as one election:updates. This process's viewers only: other processes get the
 * batch through their own relay (server/roles), so nothing arrives twice.
 */
export function broadcastUpdates(io: ResultsIo, electionId: string, updates: ElectionUpdate[], reference: NightReference): void {
  if (updates.length === 0) return;
  const started = TRACE ? performance.now() : 0;
  const cpu = TRACE ? process.cpuUsage() : undefined;
  const compact = updates.map((update) => compactUpdate(update, reference));
  const broadcaster = broadcasters.get(io)!;
  const reached =
    compact.length === 1
      ? broadcaster.broadcast(room(electionId), 'election:updated', compact[0])
      : broadcaster.broadcast(room(electionId), 'election:updates', compact);
  if (TRACE) {
    const { user, system } = process.cpuUsage(cpu);
    console.error(
      `broadcast ${updates.length} update(s) to ${reached} viewers: ` +
        `${(performance.now() - started).toFixed(1)} ms (cpu ${((user + system) / 1000).toFixed(1)} ms)`,
    );
  }
}
export function broadcastSettings(
  io: ResultsIo,
  settings: { election: Election; screen: ScreenSettings; exitPoll?: ExitPoll | null },
): void {
  io.to(room(settings.election.id)).emit('settings:changed', settings);
}

/** Whether any viewer in this process watches the election. */
export function watched(io: ResultsIo, electionId: string): boolean {
  return (io.of('/').adapter.rooms.get(room(electionId))?.size ?? 0) > 0;
}

/** A fresh snapshot to every viewer of an election here, e.g. once a fan-out process has refetched after Redis came back. */
export function resyncViewers(io: ResultsIo, snapshot: CompactSnapshot): void {
  io.local.to(room(snapshot.election.id)).emit('state:snapshot', snapshot);
}
