/**
 * The desk around the entry form: the election's desk settings and
 * continuity (GET .../desk), the entries awaiting a second editor, and who
 * else is on which seat, kept current over the election store's socket.
 */
import type { DeskInfo, PendingEntry, Presence } from '../../../../shared/protocol/accounts.ts';
import * as deskApi from '../desk-api.ts';
import { socket } from '../socket.ts';
import { session } from './session.svelte.ts';

export class DeskRoom {
  info = $state.raw<DeskInfo | null>(null);
  pending = $state.raw<PendingEntry[]>([]);
  presence = $state.raw<Presence[]>([]);

  // Each read only where needed: a page effect that refreshes the desk must not rerun when the seat changes.
  readonly #electionId: () => string;
  readonly #seatCode: () => string;
  constructor(at: { electionId: () => string; seatCode: () => string }) {
    this.#electionId = at.electionId;
    this.#seatCode = at.seatCode;
  }

  listen(): void {
    socket.on('connect', () => this.join());
    socket.on('presence:changed', (change) => {
      if (change.election === this.#electionId()) this.presence = change.presence;
    });
    socket.on('pending:changed', (change) => {
      if (change.election === this.#electionId()) this.pending = change.pending;
    });
    // Signed out or disabled elsewhere: what the desk showed is no longer this browser's to see.
    socket.on('desk:left', () => {
      this.presence = [];
      this.pending = [];
      void session.load();
    });
  }

  /** After signing in: the desk's pending entries and presence, and the continuity the preview needs. */
  async refresh(): Promise<void> {
    const electionId = this.#electionId();
    if (!session.user || electionId === '') return;
    this.info = await deskApi.fetchDesk(electionId);
    this.pending = this.info?.pending ?? [];
    if (socket.connected) this.join();
  }

  join(): void {
    const electionId = this.#electionId();
    if (!session.user || electionId === '') return;
    socket.emit('desk:join', electionId, (reply) => {
      if (!reply.ok) return;
      this.presence = reply.data.presence;
      this.pending = reply.data.pending;
      const seatCode = this.#seatCode();
      if (seatCode) socket.emit('seat:editing', seatCode);
    });
  }
}
