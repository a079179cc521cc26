/**
 * A fan-out process's copy of each watched election: fetched once from the
 * writer (GET /api/elections/:e/state, and .../reference, which this process
 * also serves to its viewers), then kept current with the relayed
 * updates, so a thousand viewers connecting at once cost the writer one
 * request, not a thousand. A gap (a relay lost while Redis restarted) makes
 * it fetch again; updates that arrive meanwhile are applied on top.
 */
import { applyUpdate } from '../../shared/protocol/apply-update.ts';
import { compactSnapshot, type CompactSnapshot, type NightReference } from '../../shared/protocol/compact-snapshot.ts';
import type { ElectionState, ElectionUpdate } from '../../shared/protocol/schemas.ts';
import { RefusedError } from '../services/errors.ts';

interface Mirror {
  state: ElectionState | null;
  /** Fetched with the state; asked again with If-None-Match each time the state is. */
  reference: NightReference | null;
  loading: Promise<ElectionState> | null;
  /** Updates that arrived while loading, applied once the fetched state is in. */
  waiting: ElectionUpdate[];
}

export type StateMirror = ReturnType<typeof createStateMirror>;

/**
 * A writer that hangs must not hold every viewer's watch (and the closures of all who wait
 * on the same fetch) for ever: each request to it gives up after this long.
 */
export const WRITER_TIMEOUT_MS = 10_000;

/** How long the writer's list of elections is trusted before asking again. */
export const ELECTION_LIST_TTL_MS = 5000;

export function createStateMirror({ writerUrl, now = () => Date.now() }: { writerUrl: string; now?: () => number }) {
  const api = `${writerUrl.replace(/\/$/, '')}/api/elections`;
  const mirrors = new Map<string, Mirror>();
  // The writer's election ids, asked at most once per ELECTION_LIST_TTL_MS however many
  // viewers ask to watch ids that do not exist: 2,000 such watches cost the writer one request.
  let known: { ids: Set<string>; at: number } | null = null;
  let listing: Promise<Set<string>> | null = null;

  async function knownElections(): Promise<Set<string>> {
    if (known && now() - known.at < ELECTION_LIST_TTL_MS) return known.ids;
    listing ??= fetch(api, { signal: AbortSignal.timeout(WRITER_TIMEOUT_MS) })
      .then(async (response) => {
        if (!response.ok) throw new Error(`the writer answered ${response.status} for its elections`);
        const ids = new Set(((await response.json()) as Array<{ id: string }>).map((e) => e.id));
        known = { ids, at: now() };
        return ids;
      })
      .finally(() => (listing = null));
    return listing;
  }

  async function fetchFromWriter(electionId: string, what: 'state' | 'reference', headers: Record<string, string> = {}) {
    const response = await fetch(`${api}/${encodeURIComponent(electionId)}/${what}`, {
      headers,
      signal: AbortSignal.timeout(WRITER_TIMEOUT_MS),
    });
    if (response.status === 404) throw new RefusedError(404, `election: no election "${electionId}"`);
    if (!response.ok && response.status !== 304) throw new Error(`the writer answered ${response.status} for ${electionId}'s ${what}`);
    return response;
  }

  async function fetchState(electionId: string, held: NightReference | null): Promise<{ state: ElectionState; reference: NightReference }> {
    const [state, reference] = await Promise.all([
      fetchFromWriter(electionId, 'state').then((r) => r.json() as Promise<ElectionState>),
      fetchFromWriter(electionId, 'reference', held ? { 'if-none-match': `"${held.referenceVersion}"` } : {}).then((r) =>
        r.status === 304 ? held! : (r.json() as Promise<NightReference>),
      ),
    ]);
    return { state, reference };
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
    mirror.loading ??= fetchState(electionId, mirror.reference).then(
      ({ state: fetched, reference }) => {
        mirror.reference = reference;
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

  /** At once when the mirror is current, else once it has been fetched. */
  function current(electionId: string): Mirror | Promise<Mirror> {
    const mirror = mirrors.get(electionId);
    if (!mirror) {
      return knownElections().then((ids) => {
        if (!ids.has(electionId)) throw new RefusedError(404, `election: no election "${electionId}"`);
        if (!mirrors.has(electionId)) mirrors.set(electionId, { state: null, reference: null, loading: null, waiting: [] });
        return current(electionId);
      });
    }
    if (mirror.state && !mirror.loading) return mirror;
    const loading = mirror;
    return load(electionId, mirror).then(() => loading);
  }

  const compact = (mirror: Mirror) => compactSnapshot(mirror.state!, mirror.reference!);

  return {
    /** The state as viewers receive it: compact, against the reference this process serves. */
    snapshot(electionId: string): CompactSnapshot | Promise<CompactSnapshot> {
      const mirror = current(electionId);
      return mirror instanceof Promise ? mirror.then(compact) : compact(mirror);
    },

    /** The reference the snapshots here are read against (GET /api/elections/:e/reference on this process). */
    async reference(electionId: string): Promise<NightReference> {
      return (await current(electionId)).reference!;
    },

    /** The reference held now, or null before the first fetch (when no viewer here can have a snapshot). */
    referenceHeld(electionId: string): NightReference | null {
      return mirrors.get(electionId)?.reference ?? null;
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

    /**
     * The elections held here that are behind the seqs the writer gave (its heartbeat):
     * a relay lost on the way. Each is fetched again; gives back the snapshots of those that moved.
     */
    async catchUp(seqs: Record<string, number>): Promise<CompactSnapshot[]> {
      const behind = [...mirrors.entries()].filter(([id, m]) => m.state && !m.loading && seqs[id] !== undefined && m.state.seq < seqs[id]);
      const moved: CompactSnapshot[] = [];
      await Promise.all(
        behind.map(async ([electionId, mirror]) => {
          const before = mirror.state!.seq;
          try {
            if ((await load(electionId, mirror)).seq !== before) moved.push(compact(mirror));
          } catch {
            // The writer is unreachable: the next heartbeat asks again.
          }
        }),
      );
      return moved;
    },

    /** Fetches every mirrored election again (after Redis came back); gives back the snapshots of those whose seq moved (`always`: all). */
    async refreshAll({ always = false }: { always?: boolean } = {}): Promise<CompactSnapshot[]> {
      const moved: CompactSnapshot[] = [];
      await Promise.all(
        [...mirrors.entries()].map(async ([electionId, mirror]) => {
          const before = mirror.state?.seq ?? -1;
          try {
            const state = await load(electionId, mirror);
            if (always || state.seq !== before) moved.push(compact(mirror));
          } catch {
            // The writer is unreachable: viewers keep what they have and ask again on their next gap.
          }
        }),
      );
      return moved;
    },
  };
}
