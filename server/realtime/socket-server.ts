/**
 * The only module that touches socket.io: a snapshot when a client starts
 * watching an election (snapshot-sender.ts), then the numbered updates to
 * its room, those published together in one message (batcher.ts).
 * The public connection is read-only: clients can only ask for state.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { CompactSnapshot } from '../../shared/protocol/compact-snapshot.ts';
import { ElectionId, type Election, type ElectionUpdate, type ScreenSettings } from '../../shared/protocol/schemas.ts';
import { createSnapshotSender, type StateSource } from './snapshot-sender.ts';

interface SocketData {
  electionId?: string;
}

export type ResultsIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const room = (electionId: string) => `election:${electionId}`;

export type ResultsSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface SocketOptions {
  /** Refuses a connection before it is made, e.g. from another site's page (Origin check). */
  allowRequest?: (request: IncomingMessage) => boolean;
  /** Further handlers on each connection (the editors' desk, server/realtime/desk-socket.ts). */
  onConnection?: (socket: ResultsSocket) => void;
}

export type { StateSource } from './snapshot-sender.ts';

/** The parts of the opening request that outlive it: cookie and Origin headers, URL, query, TLS. */
function lightRequest(request: IncomingMessage): IncomingMessage {
  const { cookie, origin, host } = request.headers;
  return {
    headers: { ...(cookie && { cookie }), ...(origin && { origin }), ...(host && { host }) },
    url: request.url,
    _query: (request as IncomingMessage & { _query?: unknown })._query,
    connection: { encrypted: Boolean((request.socket as { encrypted?: boolean } | null)?.encrypted) },
  } as unknown as IncomingMessage;
}

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

  // engine.io keeps each connection's first HTTP request for the socket's life: kilobytes
  // a viewer. Keep only what socket.io's handshake and the editors' desk read from it.
  io.engine.on('connection', (raw: { request: IncomingMessage }) => {
    raw.request = lightRequest(raw.request);
  });

  const snapshots = createSnapshotSender(io, service, room);
  io.on('connection', (socket) => {
    options.onConnection?.(socket);
    socket.on('election:watch', (electionId, ack) => {
      const respond = typeof ack === 'function' ? ack : () => {};
      if (!ElectionId.safeParse(electionId).success) {
        respond({ ok: false, error: 'election: must be an election id such as ge2017' });
        return;
      }
      snapshots.queue(socket, electionId, true, respond);
    });

    socket.on('state:request', (ack) => {
      const respond = typeof ack === 'function' ? ack : () => {};
      const electionId = socket.data.electionId;
      if (!electionId) {
        respond({ ok: false, error: 'election: watch an election first (election:watch)' });
        return;
      }
      snapshots.queue(socket, electionId, false, respond);
    });
  });

  return io;
}

/**
 * One message per room, encoded once by socket.io for all its viewers. A single
 * change goes as election:updated, which every client knows; several go as one
 * election:updates. `local`: this process's viewers only; other processes get the
 * batch through their own relay (server/roles), so nothing arrives twice.
 */
export function broadcastUpdates(io: ResultsIo, electionId: string, updates: ElectionUpdate[]): void {
  if (updates.length === 0) return;
  const viewers = io.local.to(room(electionId));
  if (updates.length === 1) viewers.emit('election:updated', updates[0]);
  else viewers.emit('election:updates', updates);
}

export function broadcastSettings(io: ResultsIo, settings: { election: Election; screen: ScreenSettings }): void {
  io.to(room(settings.election.id)).emit('settings:changed', settings);
}

/** A fresh snapshot to every viewer of an election here, e.g. once a fan-out process has refetched after Redis came back. */
export function resyncViewers(io: ResultsIo, snapshot: CompactSnapshot): void {
  io.local.to(room(snapshot.election.id)).emit('state:snapshot', snapshot);
}
