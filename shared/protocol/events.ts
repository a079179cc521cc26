/**
 * socket.io event maps, shared by server and client so they cannot drift.
 * The client sends imperatives (`election:watch`); the server answers in the
 * past tense or with a noun (`state:snapshot`, `election:updated`).
 */
import type { Election, ElectionState, ElectionUpdate, ScreenSettings } from './schemas.ts';

export type Ack<T> = { ok: true; data: T } | { ok: false; error: string };

export interface ServerToClientEvents {
  /** The whole state of the watched election: on watching, and on asking again. */
  'state:snapshot': (state: ElectionState) => void;
  /** One numbered change; a client that sees a gap in seq asks for the state again. */
  'election:updated': (update: ElectionUpdate) => void;
  /** An editor changed the election's mode or the big-screen settings: every screen follows at once. */
  'settings:changed': (settings: { election: Election; screen: ScreenSettings }) => void;
}

export interface ClientToServerEvents {
  /** Start (or switch) watching one election; the answer is a state:snapshot. */
  'election:watch': (electionId: string, ack?: (reply: Ack<{ seq: number }>) => void) => void;
  /** Ask again for the whole state, e.g. after a gap in sequence numbers. */
  'state:request': (ack?: (reply: Ack<{ seq: number }>) => void) => void;
}
