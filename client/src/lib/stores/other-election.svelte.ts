/**
 * The other election a big screen's rotation names (ADR 0025): watched on a
 * connection, store and map of its own, so nothing of the host's figures can
 * reach its panels, nor its figures the host's.
 */
import { separateSocket, type ElectionSocket } from '../socket.ts';
import { storeOn, type WatchedElection } from './election.svelte.ts';
import { HexMapStore } from './hex-map.svelte.ts';

export interface OtherElectionView {
  id: string;
  store: WatchedElection;
  hexMap: HexMapStore;
}

class OtherElection {
  current = $state.raw<OtherElectionView | null>(null);
  #socket: ElectionSocket | null = null;

  /** Watch this election (null: none); a change of settings to another one closes the old connection. */
  follow(id: string | null): void {
    if ((this.current?.id ?? null) === id) return;
    this.#socket?.disconnect();
    this.#socket = null;
    this.current = null;
    if (id === null) return;
    this.#socket = separateSocket();
    const view = { id, store: storeOn(this.#socket), hexMap: new HexMapStore() };
    this.current = view;
    void view.store.start(id, { exact: true });
    void view.hexMap.load(id);
  }
}

export const otherElection = new OtherElection();
