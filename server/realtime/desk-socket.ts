/**
 * The editors' side of socket.io: a desk room per election that only
 * editor sessions may join (pending entries and presence go there and
 * nowhere else), and "I am working on this seat". The session is the
 * handshake's cookie (kept in socket.data, lean-connections.ts), checked again on every event, so a session
 * ended meanwhile stops writing at once.
 */
import type { IncomingMessage } from 'node:http';
import type { PendingEntry, Presence } from '../../shared/protocol/accounts.ts';
import type { WireDesk } from '../../shared/protocol/wire.ts';
import { ElectionId, SeatCode } from '../../shared/protocol/schemas.ts';
import type { AccountsService, Actor } from '../accounts/accounts-service.ts';
import { isAllowedOrigin } from '../accounts/csrf.ts';
import type { DeskService } from '../services/desk-service.ts';
import type { ClientToServerEvents } from '../../shared/protocol/events.ts';
import { owned } from '../process/faults.ts';
import { guarded, replyTo } from './guarded.ts';
import type { ResultsIo, ResultsSocket } from './types.ts';

const deskRoom = (electionId: string) => `desk:${electionId}`;

/** How often desk sockets' sessions are checked again, for those that ended without a word (expiry). */
export const SESSION_RECHECK_MS = 30_000;

interface DeskSeat {
  username: string;
  /** The session it joined with: when that ends, the socket leaves the desk. */
  sessionId: string;
  electionId: string;
  seat: string | null;
  since: string;
}

/**
 * Browsers always send Origin on a websocket or polling handshake: only this
 * site and the configured origins may connect. Scripts (no Origin) carry no
 * cookies of a victim, so they are let through as the public.
 */
export function socketOriginCheck(allowedOrigins: readonly string[]) {
  return (request: IncomingMessage): boolean => {
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    const scheme = (request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    return isAllowedOrigin(origin, `${scheme}://${request.headers.host}`, allowedOrigins);
  };
}

export function createDeskSocket({
  accounts,
  desk,
  now = () => new Date(),
}: {
  accounts: AccountsService;
  desk: DeskService;
  now?: () => Date;
}) {
  let io: ResultsIo | undefined;
  const seats = new Map<string, DeskSeat>();

  const presenceOf = (electionId: string): Presence[] =>
    [...seats.values()]
      .filter((s): s is DeskSeat & { seat: string } => s.electionId === electionId && s.seat !== null)
      .map(({ username, seat, since }) => ({ username, seat, since }));

  const broadcastPresence = (electionId: string) =>
    io?.to(deskRoom(electionId)).emit('presence:changed', { election: electionId, presence: presenceOf(electionId) });

  function editorOf(socket: ResultsSocket): (Actor & { sessionId: string }) | null {
    const { sessionId } = socket.data;
    const actor = sessionId ? accounts.sessionActor(sessionId) : null;
    return actor && sessionId ? { ...actor, sessionId } : null;
  }

  /** Takes a socket off the desk at once: no more presence or pending entries reach it. */
  function leave(socketId: string, reason: string) {
    const joined = seats.get(socketId);
    if (!joined) return;
    seats.delete(socketId);
    const socket = io?.of('/').sockets.get(socketId);
    socket?.leave(deskRoom(joined.electionId));
    socket?.emit('desk:left', { election: joined.electionId, reason });
    if (joined.seat) broadcastPresence(joined.electionId);
  }

  accounts.onSessionsEnded((ended) => {
    for (const [socketId, joined] of [...seats]) {
      const match =
        'sessionId' in ended ? joined.sessionId === ended.sessionId : joined.username.toLowerCase() === ended.username.toLowerCase();
      if (match) leave(socketId, 'sessionId' in ended ? 'signed out' : 'account disabled');
    }
  });

  // Sessions also end by expiry, or in another process: look again now and then.
  const recheck = setInterval(
    () =>
      owned('rechecking desk sessions', () => {
        for (const [socketId, joined] of [...seats]) if (!accounts.sessionActor(joined.sessionId)) leave(socketId, 'session ended');
      }),
    SESSION_RECHECK_MS,
  );
  recheck.unref();

  // Listeners shared by every socket (called with the socket as `this`): a viewer that never
  // joins the desk carries two listener entries and no closures of its own.
  const onDeskJoin = guarded(
    'desk:join',
    function (this: ResultsSocket, ...[electionId, ack]: Parameters<ClientToServerEvents['desk:join']>) {
      const socket = this;
      const respond = replyTo(ack);
      const editor = editorOf(socket);
      if (!editor) return respond({ ok: false, error: 'authorization: sign in as an editor to join the desk' });
      if (!ElectionId.safeParse(electionId).success)
        return respond({ ok: false, error: 'election: must be an election id such as ge2017' });
      let pending: PendingEntry[];
      try {
        pending = desk.pending(electionId);
      } catch {
        return respond({ ok: false, error: `election: no election "${electionId}"` });
      }
      const previous = seats.get(socket.id);
      if (previous) socket.leave(deskRoom(previous.electionId));
      else socket.on('disconnect', onDisconnect);
      seats.set(socket.id, { username: editor.username, sessionId: editor.sessionId, electionId, seat: null, since: now().toISOString() });
      socket.join(deskRoom(electionId));
      if (previous?.seat) broadcastPresence(previous.electionId);
      respond({ ok: true, data: { presence: presenceOf(electionId), pending } });
    },
  );

  const onSeatEditing = guarded(
    'seat:editing',
    function (this: ResultsSocket, ...[seatCode, ack]: Parameters<ClientToServerEvents['seat:editing']>) {
      const socket = this;
      const respond = replyTo(ack);
      const joined = seats.get(socket.id);
      const editor = editorOf(socket);
      if (!editor || !joined) {
        if (joined) leave(socket.id, 'session ended');
        return respond({ ok: false, error: 'authorization: sign in as an editor and join the desk (desk:join) first' });
      }
      if (seatCode !== null && !SeatCode.safeParse(seatCode).success) {
        return respond({ ok: false, error: 'seat: must be an ONS code such as E14000654, or null' });
      }
      if (joined.seat !== seatCode) {
        seats.set(socket.id, { ...joined, seat: seatCode, since: now().toISOString() });
        broadcastPresence(joined.electionId);
      }
      respond({ ok: true, data: null });
    },
  );

  const onDisconnect = guarded('disconnect', function (this: ResultsSocket) {
    const joined = seats.get(this.id);
    seats.delete(this.id);
    if (joined?.seat) broadcastPresence(joined.electionId);
  });

  function onConnection(socket: ResultsSocket) {
    socket.on('desk:join', onDeskJoin);
    socket.on('seat:editing', onSeatEditing);
  }

  return {
    onConnection,
    close() {
      clearInterval(recheck);
    },
    attach(server: ResultsIo) {
      io = server;
    },
    broadcastPending(electionId: string, pending: PendingEntry[]) {
      io?.to(deskRoom(electionId)).emit('pending:changed', { election: electionId, pending });
    },
    broadcastWire(electionId: string, wire: WireDesk) {
      io?.to(deskRoom(electionId)).emit('wire:changed', wire);
    },
  };
}
