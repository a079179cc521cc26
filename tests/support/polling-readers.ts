/**
 * Readers of a live blog, simulated: each polls an embed's reply every `everyMs` as a browser
 * does (If-None-Match with the ETag it holds, Accept-Encoding br), and notes when it first saw
 * each seq. Readers share a pool of keep-alive connections (as readers behind one edge share
 * its), so ten thousand of them cost this process timers, not ten thousand sockets.
 */
import http from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { applyDelta } from '../../shared/protocol/embed-delta.ts';
import type { EmbedDelta } from '../../shared/protocol/embed-replies.ts';

export interface Reader {
  /** seq -> when this reader first saw it (ms since the epoch, comparable across threads). */
  seen: Map<number, number>;
  /** The reply it holds, when it follows the changes as the embed does (`followChanges`). */
  held?: Held;
}

type Held = { seq: number; version: string };

function get(url: string, agent: http.Agent, etag: string | null): Promise<{ status: number; etag: string | null; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { agent, headers: { 'accept-encoding': 'br', ...(etag ? { 'if-none-match': etag } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          if (response.statusCode !== 200) return resolve({ status: response.statusCode!, etag, body: null });
          const body = Buffer.concat(chunks);
          const text = (response.headers['content-encoding'] === 'br' ? brotliDecompressSync(body) : body).toString('utf8');
          resolve({ status: 200, etag: response.headers.etag ?? null, body: JSON.parse(text) });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.setTimeout(15_000, () => request.destroy(new Error('no answer in 15 s')));
  });
}

/**
 * `followChanges`: as the embed does (ADR 0031), ask `?since=VERSION` once it holds a reply, and make
 * the changes it is sent to the reply it holds; without, ask the whole reply each time (its ETag held).
 */
export function startReaders(
  url: string,
  {
    readers,
    everyMs,
    connections = 64,
    followChanges = false,
  }: { readers: number; everyMs: number; connections?: number; followChanges?: boolean },
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const all: Reader[] = [];
  let running = true;
  let requests = 0;
  let failures = 0;
  /** Answers that were only the changes (followChanges). */
  let deltas = 0;
  const loops: Promise<void>[] = [];
  for (let i = 0; i < readers; i++) {
    const reader: Reader = { seen: new Map() };
    all.push(reader);
    loops.push(
      (async () => {
        // Spread over the interval, as readers arriving over minutes are.
        await new Promise((r) => setTimeout(r, Math.random() * everyMs));
        let etag: string | null = null;
        let seq = -1;
        let asked = '';
        while (running) {
          const started = performance.now();
          try {
            const since = followChanges && reader.held ? `?since=${reader.held.version}` : '';
            if (since !== '' && since !== asked) [asked, etag] = [since, null];
            const answer = await get(url + since, agent, etag);
            requests++;
            if (answer.status === 200) {
              const body = answer.body as Held | EmbedDelta;
              const delta = 'kind' in body && body.kind === 'delta' ? body : null;
              if (delta !== null && delta.from !== reader.held?.version)
                throw new Error(`changes from ${delta.from}, not the version held`);
              reader.held = delta !== null ? applyDelta(reader.held!, delta.ops) : (body as Held);
              if (delta !== null) deltas++;
              ({ etag, seq } = { etag: answer.etag, seq: reader.held.seq });
            } else if (answer.status !== 304 && answer.status !== 204) failures++;
            if (!reader.seen.has(seq)) reader.seen.set(seq, performance.timeOrigin + performance.now());
          } catch {
            failures++;
          }
          const wait = everyMs - (performance.now() - started);
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
      })(),
    );
  }
  return {
    readers: all,
    counts: () => ({ requests, failures, deltas }),
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
    },
  };
}
