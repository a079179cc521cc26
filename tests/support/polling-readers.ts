/**
 * Readers of a live blog, simulated: each polls an embed's reply every `everyMs` as a browser
 * does (If-None-Match with the ETag it holds, Accept-Encoding br), and notes when it first saw
 * each seq. Readers share a pool of keep-alive connections (as readers behind one edge share
 * its), so ten thousand of them cost this process timers, not ten thousand sockets.
 */
import http from 'node:http';
import { brotliDecompressSync } from 'node:zlib';

export interface Reader {
  /** seq -> when this reader first saw it (ms since the epoch, comparable across threads). */
  seen: Map<number, number>;
}

function get(url: string, agent: http.Agent, etag: string | null): Promise<{ status: number; etag: string | null; seq: number | null }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { agent, headers: { 'accept-encoding': 'br', ...(etag ? { 'if-none-match': etag } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          if (response.statusCode !== 200) return resolve({ status: response.statusCode!, etag, seq: null });
          const body = Buffer.concat(chunks);
          const text = (response.headers['content-encoding'] === 'br' ? brotliDecompressSync(body) : body).toString('utf8');
          resolve({ status: 200, etag: response.headers.etag ?? null, seq: (JSON.parse(text) as { seq: number }).seq });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.setTimeout(15_000, () => request.destroy(new Error('no answer in 15 s')));
  });
}

export function startReaders(
  url: string,
  { readers, everyMs, connections = 64 }: { readers: number; everyMs: number; connections?: number },
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const all: Reader[] = [];
  let running = true;
  let requests = 0;
  let failures = 0;
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
        while (running) {
          const started = performance.now();
          try {
            const answer = await get(url, agent, etag);
            requests++;
            if (answer.status === 200 && answer.seq !== null) ({ etag, seq } = { etag: answer.etag, seq: answer.seq });
            else if (answer.status !== 304) failures++;
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
    counts: () => ({ requests, failures }),
    async stop() {
      running = false;
      await Promise.all(loops);
      agent.destroy();
    },
  };
}
