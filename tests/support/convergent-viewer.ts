/**
 * A viewer that behaves as the dashboard store does: it watches on every
 * connect, applies numbered updates as the client does (SnapshotReader.apply), asks
 * for the state on a gap, and moves to the next server when its own goes.
 * It keeps what it applied so a test can check nothing came twice.
 */
import { createHash } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { CompactSnapshot } from '../../shared/protocol/compact-snapshot.ts';
import type { CompactUpdate } from '../../shared/protocol/compact-update.ts';
import type { ElectionState } from '../../shared/protocol/schemas.ts';
import { inOrder, testSnapshotReader } from './snapshot-reading.ts';

type ViewerSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** sha256 of what every screen shows: the seats, the House and the sequence number. */
export function stateDigest(state: Pick<ElectionState, 'seatStates' | 'house' | 'seq'>): string {
  const seatStates = [...state.seatStates].sort((a, b) => a.code.localeCompare(b.code));
  return createHash('sha256')
    .update(JSON.stringify({ seatStates, house: state.house, seq: state.seq }))
    .digest('hex');
}

export class ConvergentViewer {
  state: ElectionState | null = null;
  /** seq of every update applied, in order: strictly increasing if none was applied twice. */
  applied: number[] = [];
  snapshots = 0;
  gaps = 0;
  duplicates = 0;
  /** What the server last said of its own source (feed:status), as the dashboard's stale banner reads it. */
  sourceLive = true;
  /** Every feed:status received, in order. */
  statuses: Array<{ live: boolean; since: string }> = [];
  /** A snapshot that could not be read (its reference did not load). */
  readErrors: unknown[] = [];
  #reader = testSnapshotReader(() => this.url);
  #socket: ViewerSocket | null = null;
  #urlIndex = 0;
  #resyncAsked = false;
  #offline = false;

  constructor(
    readonly urls: string[],
    readonly electionId: string,
  ) {
    this.#open();
  }

  get url(): string {
    return this.urls[this.#urlIndex];
  }

  get connected(): boolean {
    return this.#socket?.connected ?? false;
  }

  #open(): void {
    const many = this.urls.length > 1;
    const socket: ViewerSocket = connect(this.url, {
      transports: ['websocket'],
      forceNew: true,
      // With one server, socket.io's own reconnection; with several, move on to the next one.
      reconnection: !many,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.#socket = socket;
    // One inbox per connection: a snapshot waiting for its reference holds back the updates after it.
    const receive = inOrder((error) => this.readErrors.push(error));
    const current = () => socket === this.#socket;
    socket.on('connect', () => {
      this.sourceLive = true;
      socket.emit('election:watch', this.electionId);
    });
    socket.on('feed:status', (status) => {
      if (!current()) return;
      this.statuses.push(status);
      this.sourceLive = status.live;
    });
    socket.on('state:snapshot', (compact) => receive(() => this.#snapshot(compact, current)));
    socket.on('election:updated', (update) =>
      receive(() => {
        if (current()) this.#update(update);
      }),
    );
    socket.on('election:updates', (updates) =>
      receive(() => {
        if (current()) updates.forEach((u) => this.#update(u));
      }),
    );
    if (many) {
      const moveOn = () => {
        if (this.#offline || socket !== this.#socket) return;
        socket.removeAllListeners();
        socket.close();
        this.#urlIndex = (this.#urlIndex + 1) % this.urls.length;
        setTimeout(() => this.#offline || this.#open(), 100);
      };
      socket.on('disconnect', moveOn);
      socket.on('connect_error', moveOn);
    }
  }

  async #snapshot(compact: CompactSnapshot, current: () => boolean): Promise<void> {
    const snapshot = await this.#reader.read(compact);
    if (!current()) return; // this connection was closed while the reference loaded
    this.state = snapshot;
    this.snapshots++;
    this.#resyncAsked = false;
  }

  #update(compact: CompactUpdate): void {
    if (!this.state) return; // the snapshot on its way includes it
    const result = this.#reader.apply(this.state, compact);
    if (result.kind === 'applied') {
      this.state = this.#reader.withHouse(result.state);
      this.applied.push(compact.seq);
    } else if (result.kind === 'duplicate') {
      this.duplicates++;
    } else if (result.kind === 'gap') {
      this.gaps++;
      if (!this.#resyncAsked) {
        this.#resyncAsked = true;
        this.#socket?.emit('state:request');
      }
    }
  }

  /** Go offline (a laptop lid shut); `reconnect` comes back. */
  goOffline(): void {
    this.#offline = true;
    this.#socket?.removeAllListeners();
    this.#socket?.close();
    this.#socket = null;
  }

  reconnect(): void {
    this.#offline = false;
    this.#open();
  }

  digest(): string | null {
    return this.state && stateDigest(this.state);
  }

  close(): void {
    this.goOffline();
  }
}

/** Waits until `check` holds, polling; fails naming what it waited for. */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
