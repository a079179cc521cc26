/**
 * Polls PA's drop: one small request a second (results/.timestamp; nominations/.timestamp every
 * ten), and only when a stamp moves the folder's listing and the files not yet settled, which go
 * to the sink (the wire service, in this process or over HTTP) in an order that makes sense of
 * them. A stamp is epoch seconds, so files landing in the same second as the last change are
 * caught by one more listing on the next poll. A failure marks the feed down at once and is
 * retried with backoff (1, 2, 4 ... 30 s); nothing here can end the process.
 */
import { readPaFileName, type PaKind } from './pa-file-name.ts';
import type { PaFolderName, WireSource } from './wire-source.ts';

export interface WireFileIn {
  name: string;
  xml: string;
}
type Outcome = { outcome: string; note: string };

export interface WireSink {
  settled(): Promise<Iterable<string>> | Iterable<string>;
  /** Settles the files fetched together, in order: one transaction for the lot (ADR 0024). */
  receive(files: WireFileIn[]): Promise<Outcome[]> | Outcome[];
  report(ok: boolean, detail: string): Promise<void> | void;
}

export interface PollerOptions {
  source: WireSource;
  sink: WireSink;
  intervalMs?: number;
  nominationsEveryMs?: number;
  maxBackoffMs?: number;
  /** Files fetched are handed on together up to this many, or once the first has waited batchMs. */
  batchFiles?: number;
  batchMs?: number;
  log?: (line: string) => void;
}

const KIND_ORDER: Record<PaKind, number> = { nominations: 0, recount: 1, rush: 2, result: 3, SOP: 4 };

/** Nominations, recounts, rushes, results, then states of parties (checked against what came before them); revisions in order. */
export function sweepOrder(names: readonly string[]): string[] {
  const rank = (name: string) => {
    const read = readPaFileName(name);
    return read.ok ? [KIND_ORDER[read.file.kind], read.file.revision] : [9, 0];
  };
  return names
    .filter((n) => n.endsWith('.xml') && !n.startsWith('.'))
    .map((name) => ({ name, key: rank(name) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.name.localeCompare(b.name))
    .map((x) => x.name);
}

export function startWirePoller({
  source,
  sink,
  intervalMs = 1000,
  nominationsEveryMs = 10_000,
  maxBackoffMs = 30_000,
  batchFiles = 50,
  batchMs = 200,
  log = () => {},
}: PollerOptions) {
  const stamps = new Map<PaFolderName, string | null>();
  const again = new Set<PaFolderName>();
  let lastNominations = -Infinity;
  let failures = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let requests = 0;

  async function sweep(folder: PaFolderName) {
    const names = await source.list(folder);
    requests++;
    const settled = new Set(await sink.settled());
    // A burst is applied in batches (one transaction each); a lone file goes as soon as it is fetched.
    let batch: WireFileIn[] = [];
    let since = 0;
    const handOn = async () => {
      const files = batch;
      batch = [];
      const outcomes = await sink.receive(files);
      files.forEach(({ name }, i) => {
        const { outcome, note } = outcomes[i];
        if (outcome !== 'skipped' || note !== 'already settled') log(`${folder}/${name}: ${outcome}${note ? ` (${note})` : ''}`);
      });
    };
    const wanted = sweepOrder(names).filter((name) => !settled.has(name));
    for (const [i, name] of wanted.entries()) {
      if (stopped) return;
      const xml = await source.read(folder, name);
      requests++;
      if (batch.length === 0) since = performance.now();
      batch.push({ name, xml });
      if (i === wanted.length - 1 || batch.length >= batchFiles || performance.now() - since >= batchMs) await handOn();
    }
  }

  async function poll(folder: PaFolderName) {
    const stamp = await source.timestamp(folder);
    requests++;
    const changed = !stamps.has(folder) || stamp !== stamps.get(folder);
    if (changed || again.has(folder)) await sweep(folder);
    stamps.set(folder, stamp);
    if (changed) again.add(folder);
    else again.delete(folder);
  }

  async function tick() {
    let delay = intervalMs;
    try {
      await poll('results');
      if (performance.now() - lastNominations >= nominationsEveryMs) {
        await poll('nominations');
        lastNominations = performance.now();
      }
      failures = 0;
      await sink.report(true, `reading ${source.describe}`);
    } catch (error) {
      failures++;
      delay = Math.min(maxBackoffMs, intervalMs * 2 ** Math.min(failures - 1, 10));
      const detail = `${source.describe}: ${(error as Error).message ?? String(error)}; trying again in ${Math.round(delay / 1000)} s`;
      log(`feed down: ${detail}`);
      try {
        await sink.report(false, detail);
      } catch {
        // The sink is the server over HTTP and it is away too: the next poll says it again.
      }
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), delay);
  }

  running = tick();
  return {
    /** Requests made to the source so far (the bench's idle cost). */
    requests: () => requests,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await source.close();
    },
  };
}
