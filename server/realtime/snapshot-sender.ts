/**
 * Snapshots, shared: every viewer that starts watching (or asks again) in
 * one turn of the event loop gets the same snapshot, encoded once for all of
 * them. A 650-seat snapshot is still 150-200 KB of JSON (compact: reference
 * data and outcomes are not in it, shared/protocol/compact-snapshot.ts), so a
 * thousand viewers arriving at once would otherwise cost a thousand encodings.
 * Joining the room, reading the state and sending it happen together, so no
 * update can fall between the snapshot and the room's next broadcast.
 * A socket asking again (state:request, or election:watch) within a second
 * of its last snapshot is answered when the second is up, not refused: a
 * screen that saw a gap still gets its state, and one that asks in a loop
 * cannot make the server send a megabyte per 20-byte message.
 */
import type { CompactSnapshot } from '../../shared/protocol/compact-snapshot.ts';
import { RefusedError } from '../services/errors.ts';
import type { ResultsIo, ResultsSocket } from './socket-server.ts';

/**
 * Where snapshots come from: the election service in the process that owns
 * the database (at once), a mirror of the writer's state in a fan-out process
 * (at once, or after fetching it from the writer).
 */
export interface StateSource {
  snapshot(electionId: string): CompactSnapshot | Promise<CompactSnapshot>;
}

type Reply = { ok: true; data: { seq: number } } | { ok: false; error: string };

interface Asker {
  socket: ResultsSocket;
  /** election:watch joins the room; state:request only sends. */
  join: boolean;
  respond: (reply: Reply) => void;
}

function refusal(error: unknown): string {
  return error instanceof RefusedError ? error.message : 'the server could not read that election';
}

/** Calls `use` with the snapshot in the same tick as it is read. */
function withState(source: StateSource, electionId: string, fail: (error: string) => void, use: (state: CompactSnapshot) => void): void {
  try {
    const state = source.snapshot(electionId);
    if (state instanceof Promise) state.then(use, (error) => fail(refusal(error)));
    else use(state);
  } catch (error) {
    fail(refusal(error));
  }
}

/** The least time between two snapshots to one socket that asks again. */
export const RESEND_INTERVAL_MS = 1000;

export function createSnapshotSender(io: ResultsIo, source: StateSource, room: (electionId: string) => string) {
  const waiting = new Map<string, Asker[]>();
  let scheduled = false;
  let sends = 0;
  const lastSent = new WeakMap<ResultsSocket, number>();
  const deferred = new WeakMap<ResultsSocket, { electionId: string; join: boolean; responds: Array<(reply: Reply) => void> }>();

  function send(electionId: string, askers: Asker[], state: CompactSnapshot) {
    const sending = `snapshot:${++sends}`;
    const joined: ResultsSocket[] = [];
    for (const { socket, join } of askers) {
      if (!socket.connected) continue;
      if (join) {
        if (socket.data.electionId && socket.data.electionId !== electionId) socket.leave(room(socket.data.electionId));
        socket.data.electionId = electionId;
        socket.join(room(electionId));
      } else if (socket.data.electionId !== electionId) continue; // switched elections meanwhile
      socket.join(sending);
      joined.push(socket);
      lastSent.set(socket, Date.now());
    }
    // The askers share a room for this one message: one broadcast, one encoding.
    if (joined.length > 0) {
      io.local.to(sending).emit('state:snapshot', state);
      for (const socket of joined) socket.leave(sending);
    }
    for (const { respond } of askers) respond({ ok: true, data: { seq: state.seq } });
  }

  function flush() {
    scheduled = false;
    const batches = [...waiting];
    waiting.clear();
    for (const [electionId, askers] of batches) {
      withState(
        source,
        electionId,
        (error) => askers.forEach((a) => a.respond({ ok: false, error })),
        (state) => send(electionId, askers, state),
      );
    }
  }

  function queue(socket: ResultsSocket, electionId: string, join: boolean, respond: (reply: Reply) => void): void {
    const wait = (lastSent.get(socket) ?? 0) + RESEND_INTERVAL_MS - Date.now();
    if (wait > 0) {
      defer(socket, electionId, join, respond, wait);
      return;
    }
    const askers = waiting.get(electionId);
    if (askers) askers.push({ socket, join, respond });
    else waiting.set(electionId, [{ socket, join, respond }]);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  /** One deferred snapshot per socket: asking again meanwhile joins it; a watch of another election replaces what it sends. */
  function defer(socket: ResultsSocket, electionId: string, join: boolean, respond: (reply: Reply) => void, wait: number) {
    const pending = deferred.get(socket);
    if (pending) {
      if (join) Object.assign(pending, { electionId, join });
      pending.responds.push(respond);
      return;
    }
    const ask = { electionId, join, responds: [respond] };
    deferred.set(socket, ask);
    setTimeout(() => {
      deferred.delete(socket);
      queue(socket, ask.electionId, ask.join, (reply) => ask.responds.forEach((r) => r(reply)));
    }, wait).unref();
  }

  return {
    /** Queue a snapshot for this socket; sent with the others queued this turn (setImmediate: after all ready I/O). */
    queue,
  };
}
