/**
 * The dashboard's live view of one election: the snapshot, the numbered
 * updates applied on top of it, and whether the figures can be trusted
 * (stale from the moment the connection drops until a fresh snapshot).
 */
import type { CompactSnapshot } from '../../../../shared/protocol/compact-snapshot.ts';
import type { CompactUpdate } from '../../../../shared/protocol/compact-update.ts';
import { codesUsedIn, partiesAsNamedIn } from '../../../../shared/domain/party-names.ts';
import { NO_CONTINUITY } from '../../../../shared/domain/party.ts';
import type {
  Election,
  ElectionState,
  ElectionUpdate,
  ExitPoll,
  Party,
  PartyContinuity,
  ScreenSettings,
} from '../../../../shared/protocol/schemas.ts';
import {
  chooseElection,
  fetchElections,
  fetchElectionState,
  fetchLeanSnapshot,
  fetchReference,
  fetchSnapshot,
  type ElectionListing,
} from '../api.ts';
import { keepHeldNames } from '../held-names.ts';
import { SnapshotReader } from '../snapshot-reader.ts';
import { socket, type ElectionSocket } from '../socket.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

function latestChange(state: ElectionState): string {
  let latest: string | null = null;
  for (const s of state.seatStates) {
    if (s.updatedAt !== null && (latest === null || Date.parse(s.updatedAt) > Date.parse(latest))) latest = s.updatedAt;
  }
  return latest ?? state.generatedAt;
}

class ElectionStore {
  elections = $state<ElectionListing[]>([]);
  electionId = $state<string | null>(null);
  /** Replaced whole on every change (applyUpdate is pure), so no deep proxy over 650 seats. */
  state = $state.raw<ElectionState | null>(null);
  connection = $state<ConnectionStatus>('connecting');
  /** True from a disconnect until the next snapshot arrives. */
  #disconnected = $state(false);
  /** The server says its own source has gone quiet (feed:status): from when, or null while live. */
  sourceSilentSince = $state<string | null>(null);
  /** Whether the figures on screen may be out of date: the connection dropped, or the server's source did. */
  get stale(): boolean {
    return this.#disconnected || this.sourceSilentSince !== null;
  }
  /** When the figures last changed (ISO time). */
  lastUpdate = $state<string | null>(null);
  loadError = $state<string | null>(null);
  /** The numbered updates applied last (one, or a batch; not set by snapshots): the big screen spots new gains here. */
  latestUpdates = $state.raw<readonly ElectionUpdate[]>([]);

  #socket: ElectionSocket;
  #resyncRequested = false;
  #started = false;
  #reader = new SnapshotReader({ fetchReference: (id) => fetchReference(id), fetchState: fetchElectionState });
  /** Reading the lean forms (start's `lean`): the seats' winners by name, no candidate lists (shared/protocol/lean-night.ts). */
  #lean = false;
  /** Counts snapshots received: only the newest one being read is applied. */
  #reading = 0;
  /** Updates that arrive while a snapshot waits for its reference: applied after it, in order. */
  #held: CompactUpdate[] | null = null;
  /** The last settings that arrived meanwhile: the snapshot may have been made before them, so they go on after it. */
  #heldSettings: Parameters<ElectionStore['receiveSettings']>[0] | null = null;
  /** The parties table as the reference has it, and the codes this election uses: for each election's own party names. */
  /** The snapshot fetched over HTTP before connecting: the socket is told it is held (election:resume) on the first connect. */
  #holding: { electionId: string; tag: string } | null = null;
  #tableParties: Party[] = [];
  #codesUsed = new Set<string>();
  #namedParties: Party[] = [];

  constructor(io: ElectionSocket) {
    this.#socket = io;
  }

  /**
   * Load the election list, pick the election from ?election=, and start watching. `lean`: a screen
   * that names only winners (the dashboard, the big screen) reads the lean reference and snapshot.
   */
  async start(asked: string | null, { exact = false, lean = false } = {}): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    if (lean) {
      this.#lean = true;
      this.#reader = new SnapshotReader({
        fetchReference: (id) => fetchReference(id, { lean: true }),
        fetchState: fetchElectionState,
        fetchLeanSnapshot,
      });
    }
    this.#listen();
    try {
      this.elections = await fetchElections();
    } catch (err) {
      this.loadError = `Could not load the list of elections: ${err instanceof Error ? err.message : String(err)}`;
    }
    // exact: another election's panels (ADR 0025) watch that election or none, never a stand-in.
    this.electionId = exact ? asked : (chooseElection(this.elections, asked) ?? asked);
    if (this.electionId === null) {
      this.loadError ??= 'No elections are set up on this server.';
      return;
    }
    // The snapshot over HTTP (compressed, cacheable); the socket then brings only what changes.
    const fetched = await fetchSnapshot(this.electionId, { lean: this.#lean });
    if (fetched && fetched.snapshot.election.id === this.electionId) {
      this.#holding = { electionId: this.electionId, tag: fetched.tag };
      this.receiveSnapshot(fetched.snapshot);
    }
    this.#socket.connect();
  }

  /** Switch to another election in place; the URL follows so a reload shows the same one. */
  watch(electionId: string): void {
    if (electionId === this.electionId) return;
    this.electionId = electionId;
    this.state = null;
    this.lastUpdate = null;
    this.latestUpdates = [];
    this.#resyncRequested = false;
    this.#reading++;
    this.#held = null;
    this.#heldSettings = null;
    const url = new URL(window.location.href);
    url.searchParams.set('election', electionId);
    window.history.replaceState(null, '', url);
    if (this.#socket.connected) this.#socket.emit('election:watch', electionId);
    else this.#socket.connect();
  }

  /** A compact snapshot (state:snapshot), read against the election's reference, fetched once. */
  receiveSnapshot(compact: CompactSnapshot): void {
    if (compact.election.id !== this.electionId) return;
    const reading = ++this.#reading;
    const read = this.#reader.read(compact);
    if (!(read instanceof Promise)) {
      this.#applySnapshot(read);
      return;
    }
    this.#held ??= [];
    read.then(
      (snapshot) => reading === this.#reading && this.#applySnapshot(snapshot),
      (err: unknown) => {
        if (reading !== this.#reading) return;
        this.#held = null;
        this.#heldSettings = null;
        this.loadError = `Could not load the election's seats: ${err instanceof Error ? err.message : String(err)}`;
      },
    );
  }

  #applySnapshot(snapshot: ElectionState): void {
    const held = this.#held ?? [];
    this.#held = null;
    if (snapshot.election.id !== this.electionId) return;
    this.#tableParties = snapshot.parties;
    this.#codesUsed = codesUsedIn(snapshot);
    this.#nameParties(snapshot.election.id);
    this.state = { ...keepHeldNames(this.state, snapshot), parties: this.#namedParties };
    this.lastUpdate = latestChange(snapshot);
    this.#disconnected = false;
    this.#resyncRequested = false;
    const settings = this.#heldSettings;
    this.#heldSettings = null;
    if (settings) this.receiveSettings(settings);
    if (held.length > 0) this.receiveUpdates(held);
  }

  receiveUpdate(update: CompactUpdate): void {
    this.receiveUpdates([update]);
  }

  /** Numbered updates in seq order (a batch arrives as election:updates): applied in turn, drawn once. */
  receiveUpdates(updates: readonly CompactUpdate[]): void {
    if (this.#held) {
      this.#held.push(...updates);
      return;
    }
    if (this.state === null) return; // the snapshot on its way will include them
    let state = this.state;
    const applied: ElectionUpdate[] = [];
    for (const compact of updates) {
      const result = this.#reader.apply(state, compact);
      if (result.kind === 'applied') {
        state = result.state;
        applied.push(result.update);
      } else if (result.kind === 'gap') {
        this.#askAgain();
        break;
      }
    }
    if (applied.length > 0) {
      const before = this.#codesUsed.size;
      for (const u of applied) for (const c of u.seat.declaration?.candidates ?? []) this.#codesUsed.add(c.party);
      if (this.#codesUsed.size !== before) this.#nameParties(state.election.id);
      this.state = { ...this.#reader.withHouse(state), parties: this.#namedParties };
      this.lastUpdate = applied[applied.length - 1].at;
      this.latestUpdates = applied;
    }
  }

  /** The party continuity the figures are read with (Brexit -> RUK): for comparing them with an exit poll. */
  get continuity(): PartyContinuity {
    return this.state ? this.#reader.continuity(this.state.election.id) : NO_CONTINUITY;
  }

  /** Each seat's region from the hex map, as the reference carries them: the projection's regions without the map. */
  get regions(): Record<string, string> | undefined {
    return this.state ? this.#reader.regions(this.state.election.id) : undefined;
  }

  /** "Brexit Party (now Reform UK)" on a 2019 night: each election's own name for a party (shared/domain/party-names.ts). */
  #nameParties(electionId: string): void {
    this.#namedParties = partiesAsNamedIn(this.#tableParties, this.#reader.continuity(electionId), this.#codesUsed);
  }

  #askAgain(): void {
    if (this.#resyncRequested) return;
    this.#resyncRequested = true;
    this.#socket.emit('state:request');
  }

  /** An editor changed the mode or the screen settings: every screen follows at once. */
  receiveSettings(settings: { election: Election; screen: ScreenSettings; exitPoll?: ExitPoll | null }): void {
    if (this.#held)
      this.#heldSettings = { ...settings, exitPoll: settings.exitPoll === undefined ? this.#heldSettings?.exitPoll : settings.exitPoll };
    if (this.state === null || settings.election.id !== this.state.election.id) return;
    const exitPoll = settings.exitPoll === undefined ? this.state.exitPoll : settings.exitPoll;
    this.state = { ...this.state, election: settings.election, screen: settings.screen, exitPoll };
  }

  #listen(): void {
    const io = this.#socket;
    io.on('connect', () => {
      this.connection = 'connected';
      // A server that is itself cut off says so (feed:status) straight after connecting.
      this.sourceSilentSince = null;
      const holding = this.#holding;
      this.#holding = null;
      if (this.electionId === null) return;
      // A reconnect, or a switch of election, asks for a snapshot: what is held may be behind.
      if (holding?.electionId === this.electionId) io.emit('election:resume', this.electionId, holding.tag);
      else io.emit('election:watch', this.electionId);
    });
    io.on('disconnect', () => {
      this.connection = 'disconnected';
      this.#disconnected = this.state !== null;
    });
    io.on('connect_error', () => {
      this.connection = 'disconnected';
      this.#disconnected = this.state !== null;
    });
    io.on('feed:status', ({ live, since }) => {
      this.sourceSilentSince = live ? null : since;
    });
    io.io.on('reconnect_attempt', () => {
      this.connection = 'reconnecting';
    });
    io.on('state:snapshot', (snapshot) => this.receiveSnapshot(snapshot));
    io.on('election:updated', (update) => this.receiveUpdate(update));
    io.on('election:updates', (updates) => this.receiveUpdates(updates));
    io.on('settings:changed', (settings) => this.receiveSettings(settings));
  }
}

export const electionStore = new ElectionStore(socket);

/** A store of its own on a connection of its own: another election on the same screen (ADR 0025). */
export const storeOn = (io: ElectionSocket) => new ElectionStore(io);
export type WatchedElection = ReturnType<typeof storeOn>;
