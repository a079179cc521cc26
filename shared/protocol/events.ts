/**
 * socket.io event maps, shared by server and client so they cannot drift.
 * The client sends imperatives (`election:watch`); the server answers in the
 * past tense or with a noun (`state:snapshot`, `election:updated`).
 */
import type { PendingEntry, Presence } from './accounts.ts';
import type { WireDesk } from './wire.ts';
import type { CompactSnapshot } from './compact-snapshot.ts';
import type { CompactUpdate } from './compact-update.ts';
import type { Election, ExitPoll, ScreenSettings } from './schemas.ts';

export type Ack<T> = { ok: true; data: T } | { ok: false; error: string };

export interface ServerToClientEvents {
  /**
   * The whole state of the watched election, on watching and on asking again,
   * in compact form: read it against the reference (GET /api/elections/:e/reference,
   * fetched once per referenceVersion) with expandSnapshot (compact-snapshot.ts).
   */
  'state:snapshot': (snapshot: CompactSnapshot) => void;
  /**
   * One numbered change, compact like the snapshot and read against the same reference
   * (expandUpdate, compact-update.ts). A client that sees a gap in seq, or an update made
   * against a reference it does not hold, asks for the state again.
   */
  'election:updated': (update: CompactUpdate) => void;
  /**
   * Several numbered changes that were published together, in seq order, in
   * one message: a burst costs the viewers' send loop about what one change does.
   * A client handles it as that many election:updated in turn.
   */
  'election:updates': (updates: CompactUpdate[]) => void;
  /**
   * An editor changed the election's mode, the big-screen settings or the exit poll: every screen
   * follows at once. exitPoll is there only when it changed.
   */
  'settings:changed': (settings: { election: Election; screen: ScreenSettings; exitPoll?: ExitPoll | null }) => void;
  /**
   * Whether this server's figures are current. A fan-out process says `live: false` when
   * the writer's heartbeat stops (Redis or the writer gone), from `since`; screens show
   * their stale banner until `live: true` and the fresh snapshot that comes with it.
   */
  'feed:status': (status: { live: boolean; since: string }) => void;
  /** Editors only (the desk room): who is working on which seat right now. */
  'presence:changed': (change: { election: string; presence: Presence[] }) => void;
  /** Editors only (the desk room): entries awaiting a second editor's confirmation. */
  'pending:changed': (change: { election: string; pending: PendingEntry[] }) => void;
  /** Editors only: PA's wire as the desk sees it (shared/protocol/wire.ts). */
  'wire:changed': (desk: WireDesk) => void;
  /** To one editor's socket: its session ended (signed out, disabled, expired), so it has left the desk. */
  'desk:left': (left: { election: string; reason: string }) => void;
}

export interface ClientToServerEvents {
  /** Start (or switch) watching one election; the answer is a state:snapshot. */
  'election:watch': (electionId: string, ack?: (reply: Ack<{ seq: number }>) => void) => void;
  /**
   * Start watching one election, holding the snapshot fetched over HTTP (GET /api/elections/:e/snapshot)
   * with this ETag: the socket joins without a state:snapshot when that is still the current one, and
   * sends one as election:watch does when it is not.
   */
  'election:resume': (electionId: string, holding: string, ack?: (reply: Ack<{ seq: number }>) => void) => void;
  /** Ask again for the whole state, e.g. after a gap in sequence numbers. */
  'state:request': (ack?: (reply: Ack<{ seq: number }>) => void) => void;
  /** Editors only: join an election's desk to see presence and pending entries. Needs an editor session. */
  'desk:join': (electionId: string, ack?: (reply: Ack<{ presence: Presence[]; pending: PendingEntry[] }>) => void) => void;
  /** Editors only: "I am working on this seat" (null: on none). Needs an editor session and a joined desk. */
  'seat:editing': (seatCode: string | null, ack?: (reply: Ack<null>) => void) => void;
}
