/**
 * The socket types of the server, in one place: what browsers send and are
 * sent (shared/protocol/events.ts), what server processes relay to each
 * other over Redis, and what each connection keeps.
 */
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { ElectionUpdate } from '../../shared/protocol/schemas.ts';

/** Events between server processes (never seen by a browser): socket.io's inter-server events, over the Redis adapter. */
export interface RelayEvents {
  'election:batch': (batch: { election: string; updates: ElectionUpdate[] }) => void;
  /** Party continuity changed on the writer: fetch the state and reference again. */
  'reference:changed': () => void;
  /** Once a second from the writer: it is up, Redis carries its relays, and each election's last seq. */
  'writer:heartbeat': (beat: { at: string; seqs: Record<string, number> }) => void;
}

/**
 * What a connection keeps. The opening HTTP request is dropped once the
 * socket is made (socket.io's memory recipe, lean-connections.ts):
 * `socket.request` is null afterwards, and what is read later is copied here.
 */
export interface SocketData {
  /** The election this viewer watches (election:watch). */
  electionId?: string;
  /** The session cookie the connection opened with, if any: the desk checks it again on every event. */
  sessionId?: string;
}

export type ResultsIo = Server<ClientToServerEvents, ServerToClientEvents, RelayEvents, SocketData>;
export type ResultsSocket = Socket<ClientToServerEvents, ServerToClientEvents, RelayEvents, SocketData>;
