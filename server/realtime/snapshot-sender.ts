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
 * cannot make the server send a megabyte per 20-byte message. Beyond that,
 * each socket is bounded (README, "Limits on bad input"):
 * - at most SNAPSHOTS_PER_MINUTE snapshots a minute; later asks wait;
 * - state:request when nothing has changed since its last snapshot (same
 *   election, seq and reference) is answered without sending it again: the
 *   socket already has every byte of it;
 * - no snapshot goes to a socket that has not taken what it was sent
 *   before (backlog.ts): the ask waits until it has.
 */
import type { CompactSnapshot } from '../../shared/protocol/compact-snapshot.ts';
import { owned, reportFault } from '../process/faults.ts';
import { RefusedError } from '../services/errors.ts';
import { backlogBytes, SNAPSHOT_BACKLOG_LIMIT_BYTES } from './backlog.ts';
import { snapshotTag } from './snapshot-tag.ts';
import type { ResultsIo, ResultsSocket } from './types.ts';

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
  /** election:resume: the tag of the snapshot it fetched over HTTP; joined without a snapshot while that is current. */
  holding?: string;
}

function refusal(error: unknown): string {
  return error instanceof RefusedError ? error.message : 'the server could not read that election';
}

/** Calls `use` with the snapshot in the same tick as it is read. */
function withState(source: StateSource, electionId: string, fail: (error: string) => void, use: (state: CompactSnapshot) => void): void {
  try {
    const state = source.snapshot(electionId);
    if (state instanceof Promise)
      state.then(use, (error) => fail(refusal(error))).catch((error: unknown) => reportFault('sending a snapshot', error));
    else use(state);
  } catch (error) {
    fail(refusal(error));
  }
}

/** The least time between two snapshots to one socket that asks again. */
export const RESEND_INTERVAL_MS = 1000;
/** Asks that wait with a deferred snapshot, per socket. */
const MAX_WAITING_ASKS = 4;
/** The most snapshots one socket is sent in a minute. */
export const SNAPSHOTS_PER_MINUTE = 6;

/** What a socket was last sent, and how many snapshots in the current minute. */
interface Sent {
  at: number;
  electionId: string;
  seq: number;
  referenceVersion: string;
  minuteStart: number;
  inMinute: number;
}

export function createSnapshotSender(io: ResultsIo, source: StateSource, room: (electionId: string) => string) {
  const waiting = new Map<string, Asker[]>();
  let scheduled = false;
  let sends = 0;
  const lastSent = new WeakMap<ResultsSocket, Sent>();
  const deferred = new WeakMap<ResultsSocket, { electionId: string; join: boolean; responds: Array<(reply: Reply) => void> }>();

  function record(socket: ResultsSocket, electionId: string, state: CompactSnapshot, now: number) {
    const before = lastSent.get(socket);
    const sameMinute = before && now - before.minuteStart < 60_000;
    lastSent.set(socket, {
      at: now,
      electionId,
      seq: state.seq,
      referenceVersion: state.referenceVersion,
      minuteStart: sameMinute ? before.minuteStart : now,
      inMinute: sameMinute ? before.inMinute + 1 : 1,
    });
  }

  function joinRoom(socket: ResultsSocket, electionId: string) {
    if (socket.data.electionId && socket.data.electionId !== electionId) socket.leave(room(socket.data.electionId));
    socket.data.electionId = electionId;
    socket.join(room(electionId));
  }

  function send(electionId: string, askers: Asker[], state: CompactSnapshot) {
    const sending = `snapshot:${++sends}`;
    const joined: ResultsSocket[] = [];
    const now = Date.now();
    const answered: Asker[] = [];
    for (const asker of askers) {
      const { socket, join, respond, holding } = asker;
      if (!socket.connected) continue;
      if (join && holding !== undefined && holding === snapshotTag(state)) {
        joinRoom(socket, electionId);
        record(socket, electionId, state, now);
        answered.push(asker); // it holds this very state already, fetched over HTTP
        continue;
      }
      const last = lastSent.get(socket);
      if (!join && last && last.electionId === electionId && last.seq === state.seq && last.referenceVersion === state.referenceVersion) {
        answered.push(asker); // it holds this very state already
        continue;
      }
      if (backlogBytes(socket) > SNAPSHOT_BACKLOG_LIMIT_BYTES) {
        defer(socket, electionId, join, respond, RESEND_INTERVAL_MS);
        continue;
      }
      answered.push(asker);
      if (join) joinRoom(socket, electionId);
      else if (socket.data.electionId !== electionId) continue; // switched elections meanwhile
      socket.join(sending);
      joined.push(socket);
      record(socket, electionId, state, now);
    }
    // The askers share a room for this one message: one broadcast, one encoding.
    if (joined.length > 0) {
      io.local.to(sending).emit('state:snapshot', state);
      for (const socket of joined) socket.leave(sending);
    }
    for (const { respond } of answered) respond({ ok: true, data: { seq: state.seq } });
  }

  /** How long this socket must wait for its next snapshot: a second after the last, and the minute's budget. */
  function waitFor(socket: ResultsSocket, now: number): number {
    const last = lastSent.get(socket);
    if (!last) return 0;
    const interval = last.at + RESEND_INTERVAL_MS - now;
    const budget = last.inMinute >= SNAPSHOTS_PER_MINUTE ? last.minuteStart + 60_000 - now : 0;
    return Math.max(interval, budget);
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

  function queue(socket: ResultsSocket, electionId: string, join: boolean, respond: (reply: Reply) => void, holding?: string): void {
    const wait = waitFor(socket, Date.now());
    if (wait > 0) {
      defer(socket, electionId, join, respond, wait);
      return;
    }
    const asker: Asker = { socket, join, respond, ...(holding !== undefined && { holding }) };
    const askers = waiting.get(electionId);
    if (askers) askers.push(asker);
    else waiting.set(electionId, [asker]);
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => owned('sending snapshots', flush));
    }
  }

  /** One deferred snapshot per socket: asking again meanwhile joins it; a watch of another election replaces what it sends. */
  function defer(socket: ResultsSocket, electionId: string, join: boolean, respond: (reply: Reply) => void, wait: number) {
    const pending = deferred.get(socket);
    if (pending) {
      if (join) Object.assign(pending, { electionId, join });
      // A socket asking in a loop must not grow the server: past a few, asks are answered at once.
      if (pending.responds.length < MAX_WAITING_ASKS) pending.responds.push(respond);
      else respond({ ok: false, error: 'state: a snapshot is already on its way to this connection' });
      return;
    }
    const ask = { electionId, join, responds: [respond] };
    deferred.set(socket, ask);
    setTimeout(
      () =>
        owned('a deferred snapshot', () => {
          deferred.delete(socket);
          queue(socket, ask.electionId, ask.join, (reply) => ask.responds.forEach((r) => r(reply)));
        }),
      wait,
    ).unref();
  }

  return {
    /** Queue a snapshot for this socket; sent with the others queued this turn (setImmediate: after all ready I/O). */
    queue,
  };
}
