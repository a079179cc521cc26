/**
 * Reads compact snapshots (state:snapshot) back into the whole ElectionState,
 * and compact updates against the same reference.
 * The reference is fetched once per election and version and held in memory;
 * the browser revalidates it with its ETag. Used by the dashboard store and
 * by the tests' viewers, so both read snapshots the same way.
 */
import { applyUpdate, type ApplyResult } from '../../../shared/protocol/apply-update.ts';
import { expandSnapshot, type CompactSnapshot, type NightReference } from '../../../shared/protocol/compact-snapshot.ts';
import { expandUpdate, houseAfter, type CompactUpdate } from '../../../shared/protocol/compact-update.ts';
import type { ElectionState, ElectionUpdate } from '../../../shared/protocol/schemas.ts';

export interface SnapshotReaderDeps {
  fetchReference(electionId: string): Promise<NightReference>;
  /** The whole state over HTTP: for a snapshot made against a reference the server no longer serves. */
  fetchState(electionId: string): Promise<ElectionState>;
  /**
   * A lean reader (the dashboard, the big screen: shared/protocol/lean-night.ts): fetchReference gives
   * the lean reference, and a snapshot that is not lean (the socket's, on a resync) is read from the
   * lean snapshot fetched afresh over HTTP instead, as its numbers name candidates of lists it does not hold.
   */
  fetchLeanSnapshot?(electionId: string): Promise<CompactSnapshot>;
}

export class SnapshotReader {
  #held = new Map<string, NightReference>();
  #deps: SnapshotReaderDeps;

  constructor(deps: SnapshotReaderDeps) {
    this.#deps = deps;
  }

  /** At once when the snapshot's reference is held, else once it has been fetched. */
  read(compact: CompactSnapshot): ElectionState | Promise<ElectionState> {
    const { fetchLeanSnapshot } = this.#deps;
    if (fetchLeanSnapshot && compact.names !== 'winners') return this.#readLean(fetchLeanSnapshot, compact);
    const held = this.#held.get(compact.election.id);
    if (held?.referenceVersion === compact.referenceVersion) return expandSnapshot(compact, held);
    return this.#fetchAndRead(compact);
  }

  /**
   * An update in full, read against the reference held for its election; null when that
   * is not the one it was made against (the reference changed): ask for the state again.
   */
  readUpdate(compact: CompactUpdate): ElectionUpdate | null {
    const held = this.#held.get(compact.election);
    return held?.referenceVersion === compact.referenceVersion ? expandUpdate(compact, held) : null;
  }

  /**
   * A compact update applied to a state as every screen applies it (apply-update.ts), read
   * against the held reference first. One made against another reference counts as a gap:
   * only a fresh snapshot repairs either. The House is left to withHouse, once per batch.
   */
  apply(
    state: ElectionState,
    compact: CompactUpdate,
  ): Exclude<ApplyResult, { kind: 'applied' }> | { kind: 'applied'; state: ElectionState; update: ElectionUpdate } {
    if (compact.election !== state.election.id) return { kind: 'other-election' };
    if (compact.seq <= state.seq) return { kind: 'duplicate' };
    const update = this.readUpdate(compact);
    if (!update) return { kind: 'gap', expected: state.seq + 1, received: compact.seq };
    const result = applyUpdate({ state, update });
    return result.kind === 'applied' ? { ...result, update } : result;
  }

  /** The party continuity of the reference held for an election (none before one is held). */
  continuity(electionId: string): NightReference['continuity'] {
    return this.#held.get(electionId)?.continuity ?? { aliases: {}, successors: {} };
  }

  /** Each seat's region as the reference held for an election gives them (none before one is held, or without a hex map). */
  regions(electionId: string): NightReference['regions'] {
    return this.#held.get(electionId)?.regions;
  }

  /** The state with its House figures recomputed, once updates have been applied to it (they carry none). */
  withHouse(state: ElectionState): ElectionState {
    const held = this.#held.get(state.election.id);
    if (!held) throw new Error(`election: no reference held for ${state.election.id}`);
    return { ...state, house: houseAfter(state, held) };
  }

  async #readLean(fetchLean: (electionId: string) => Promise<CompactSnapshot>, compact: CompactSnapshot): Promise<ElectionState> {
    const electionId = compact.election.id;
    // A snapshot naming another reference (seats to watch saved, an import): both fetched at once, not one after the other.
    const moved = this.#held.get(electionId)?.referenceVersion !== compact.referenceVersion;
    const [lean, reference] = await Promise.all([fetchLean(electionId), moved ? this.#deps.fetchReference(electionId) : null]);
    if (lean.names !== 'winners') throw new Error(`names: the lean snapshot of ${electionId} came with ${lean.names ?? 'all'} names`);
    if (reference?.names === 'winners') this.#held.set(electionId, reference);
    return this.read(lean);
  }

  async #fetchAndRead(compact: CompactSnapshot): Promise<ElectionState> {
    const electionId = compact.election.id;
    const reference = await this.#deps.fetchReference(electionId);
    this.#held.set(electionId, reference);
    if (reference.referenceVersion === compact.referenceVersion) return expandSnapshot(compact, reference);
    // The reference changed (an import) between the snapshot and the fetch: the whole state is always right.
    return this.#deps.fetchState(electionId);
  }
}
