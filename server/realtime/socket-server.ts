/**
 * The only module that touches socket.io: a snapshot when a client starts
 * watching an election, then one numbered update per change to its room.
 * The public connection is read-only: clients can only ask for state.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import { ElectionId, type Election, type ElectionUpdate, type ScreenSettings } from '../../shared/protocol/schemas.ts';
import type { ElectionService } from '../services/election-service.ts';
import { RefusedError } from '../services/errors.ts';

interface SocketData {
  electionId?: string;
}

export type ResultsIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const room = (electionId: string) => `election:${electionId}`;

function refusal(error: unknown): string {
  return error instanceof RefusedError ? error.message : 'the server could not read that election';
}

export function createSocketServer(http: HttpServer, service: ElectionService): ResultsIo {
  const io: ResultsIo = new Server(http, {
    serveClient: false,
    // Small messages: the default 1 MB is far more than any client needs to send.
    maxHttpBufferSize: 16 * 1024,
    // Compression costs ~15x the memory per viewer for little gain on small updates.
    perMessageDeflate: false,
  });

  io.on('connection', (socket) => {
    socket.on('election:watch', (electionId, ack) => {
      const respond = typeof ack === 'function' ? ack : () => {};
      if (!ElectionId.safeParse(electionId).success) {
        respond({ ok: false, error: 'election: must be an election id such as ge2017' });
        return;
      }
      try {
        const state = service.state(electionId);
        if (socket.data.electionId) socket.leave(room(socket.data.electionId));
        socket.data.electionId = electionId;
        // Join and snapshot in the same tick, so no update falls between them.
        socket.join(room(electionId));
        socket.emit('state:snapshot', state);
        respond({ ok: true, data: { seq: state.seq } });
      } catch (error) {
        respond({ ok: false, error: refusal(error) });
      }
    });

    socket.on('state:request', (ack) => {
      const respond = typeof ack === 'function' ? ack : () => {};
      const electionId = socket.data.electionId;
      if (!electionId) {
        respond({ ok: false, error: 'election: watch an election first (election:watch)' });
        return;
      }
      const state = service.state(electionId);
      socket.emit('state:snapshot', state);
      respond({ ok: true, data: { seq: state.seq } });
    });
  });

  return io;
}

export function broadcastUpdate(io: ResultsIo, update: ElectionUpdate): void {
  io.to(room(update.election)).emit('election:updated', update);
}

export function broadcastSettings(io: ResultsIo, settings: { election: Election; screen: ScreenSettings }): void {
  io.to(room(settings.election.id)).emit('settings:changed', settings);
}
