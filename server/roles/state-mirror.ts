/**
 * A fan-out process's copy of each watched election: fetched once from the
 * writer (GET /api/elections/:e/state), then kept current with the relayed
 * updates, so a thousand viewers connecting at once cost the writer one
 * request, not a thousand. A gap (a relay lost while Redis restarted) makes
 * it fetch again; updates that arrive meanwhile are applied on top.
 */
import { applyUpdate } from '../../shared/protocol/apply-update.ts';
import type { ElectionState, ElectionUpdate } from '../../shared/protocol/schemas.ts';
import { RefusedError } from '../services/errors.ts';

interface Mirror {
  state: ElectionState | null;
  loading: Promise<ElectionState> | null;
  /** Updates that arrived while loading, applied once the fetched state is in. */
  waiting: ElectionUpdate[];
}

export type StateMirror = ReturnType<typeof createStateMirror>;

export function createStateMirror({ writerUrl }: { writerUrl: string }) {
  const mirrors = new Map<string, Mirror>();

  async function fetchState(electionId: string): Promise<ElectionState> {
    const response = await fetch(`${writerUrl.replace(/\/$/, '')}/api/elections/${encodeURIComponent(electionId)}/state`);
    if (response.status === 404) throw new RefusedError(404, `election: no election "${electionId}"`);
    if (!response.ok) throw new Error(`the writer answered ${response.status} for ${electionId}`);
    return (await response.json()) as ElectionState;
  }

  function applyAll(mirror: Mirror, updates: ElectionUpdate[]): 'ok' | 'gap' {
    for (const update of updates) {
      const result = applyUpdate({ state: mirror.state!, update });
      if (result.kind === 'applied') mirror.state = result.state;
      else if (result.kind === 'gap') return 'gap';
    }
    return 'ok';
  }

  function load(electionId: string, mirror: Mirror): Promise<ElectionState> {
    mirror.loading ??= fetchState(electionId).then(
      (fetched) => {
        if (!mirror.state || fetched.seq >= mirror.state.seq) mirror.state = fetched;
        const waiting = mirror.waiting.sort((a, b) => a.seq - b.seq);
        mirror.waiting = [];
        mirror.loading = null;
        // A gap among these is mended by the next fetch, which the next update or a viewer asks for.
        applyAll(mirror, waiting);
        return mirror.state;
      },
      (error: unknown) => {
        mirror.loading = null;
        if (!mirror.state) mirrors.delete(electionId);
        throw error;
      },
    );
    return mirror.loading;
  }

  return {
    /** At once when the mirror is current, else once it has been fetched. */
    state(electionId: string): ElectionState | Promise<ElectionState> {
      let mirror = mirrors.get(electionId);
      if (!mirror) {
        mirror = { state: null, loading: null, waiting: [] };
        mirrors.set(electionId, mirror);
      }
      if (mirror.state && !mirror.loading) return mirror.state;
      return load(electionId, mirror);
    },

    /** Relayed updates, in order. Elections nobody here watches are left to their first viewer's fetch. */
    apply(electionId: string, updates: ElectionUpdate[]): void {
      const mirror = mirrors.get(electionId);
      if (!mirror) return;
      if (mirror.loading || !mirror.state) {
        mirror.waiting.push(...updates);
        return;
      }
      if (applyAll(mirror, updates) === 'gap') {
        mirror.waiting.push(...updates);
        void load(electionId, mirror).catch(() => {});
      }
    },

    /** Fetch every mirrored election again (after Redis came back); returns those whose seq moved. */
    async refreshAll(): Promise<ElectionState[]> {
      const moved: ElectionState[] = [];
      await Promise.all(
        [...mirrors.entries()].map(async ([electionId, mirror]) => {
          const before = mirror.state?.seq ?? -1;
          try {
            const state = await load(electionId, mirror);
            if (state.seq !== before) moved.push(state);
          } catch {
            // The writer is unreachable: viewers keep what they have and ask again on their next gap.
          }
        }),
      );
      return moved;
    },
  };
}
