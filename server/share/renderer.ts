/**
 * Share images, rendered off the main thread (render-worker.mjs) so a night of
 * images never holds up a declaration. Each image is rendered once: the same key
 * asked for twice while rendering waits for the one render, and finished images
 * are kept in a cache bounded by bytes. Asked-for images go before pre-renders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Element } from './cards.ts';

/** Debian's fonts-dejavu-core (.ci/run installs it); SHARE_FONT_DIR overrides. */
export const DEFAULT_FONT_DIR = '/usr/share/fonts/truetype/dejavu';

export interface RenderJob {
  key: string;
  width: number;
  height: number;
  /** Built only when the job runs: a pre-render that a newer one replaced costs nothing. */
  build: () => Element;
}

interface Waiting extends RenderJob {
  resolve: (png: Buffer) => void;
  reject: (err: Error) => void;
}

export type ShareRenderer = ReturnType<typeof createRenderer>;

/** The reason images cannot be made here, or null when they can. */
export function fontProblem(fontDir: string): string | null {
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    if (!fs.existsSync(path.join(fontDir, file))) return `share images are off: ${path.join(fontDir, file)} is missing (apt-get install fonts-dejavu-core)`;
  }
  return null;
}

export function createRenderer({ fontDir = DEFAULT_FONT_DIR, cacheBytes = 64 * 1024 * 1024 } = {}) {
  const cache = new Map<string, Buffer>();
  let cachedBytes = 0;
  const rendering = new Map<string, Promise<Buffer>>();
  const urgent: Waiting[] = [];
  const later: Waiting[] = [];
  let worker: Worker | null = null;
  let busy: Waiting | null = null;
  let closed = false;
  let nextId = 0;
  const stats = { rendered: 0, renderMs: 0 };
  let started = 0;

  function keep(key: string, png: Buffer) {
    cache.set(key, png);
    cachedBytes += png.length;
    // A Map iterates oldest first: drop the least recently used until under the bound.
    for (const [oldKey, old] of cache) {
      if (cachedBytes <= cacheBytes) break;
      cache.delete(oldKey);
      cachedBytes -= old.length;
    }
  }

  function startWorker(): Worker {
    const w = new Worker(new URL('./render-worker.mjs', import.meta.url), { workerData: { fontDir } });
    w.unref();
    w.on('message', (message: { id: number; png?: Uint8Array; error?: string }) => {
      const job = busy;
      busy = null;
      if (job) {
        if (message.png) {
          stats.rendered++;
          stats.renderMs += performance.now() - started;
          job.resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength));
        } else job.reject(new Error(`rendering ${job.key}: ${message.error}`));
      }
      next();
    });
    // A crashed worker fails its job, and the next job starts a new one.
    w.on('error', (err) => {
      console.error(`share images: the render worker failed: ${err.message}`);
      worker = null;
      busy?.reject(err);
      busy = null;
      next();
    });
    return w;
  }

  function next() {
    if (busy || closed) return;
    const job = urgent.shift() ?? later.shift();
    if (!job) return;
    busy = job;
    try {
      worker ??= startWorker();
      const { width, height } = job;
      started = performance.now();
      worker.postMessage({ id: nextId++, tree: job.build(), width, height });
    } catch (err) {
      busy = null;
      job.reject(err instanceof Error ? err : new Error(String(err)));
      next();
    }
  }

  function render(job: RenderJob, first: boolean): Promise<Buffer> {
    const hit = cache.get(job.key);
    if (hit) {
      // Most recently used goes to the back.
      cache.delete(job.key);
      cache.set(job.key, hit);
      return Promise.resolve(hit);
    }
    const running = rendering.get(job.key);
    if (running) {
      // Asked for while only queued as a pre-render: move it to the front.
      const queued = later.findIndex((w) => w.key === job.key);
      if (first && queued >= 0) urgent.push(...later.splice(queued, 1));
      return running;
    }
    if (closed) return Promise.reject(Object.assign(new Error('share images: the server is stopping'), { name: 'Stopping' }));
    const promise = new Promise<Buffer>((resolve, reject) => {
      (first ? urgent : later).push({ ...job, resolve, reject });
    }).then(
      (png) => {
        rendering.delete(job.key);
        keep(job.key, png);
        return png;
      },
      (err: Error) => {
        rendering.delete(job.key);
        throw err;
      },
    );
    rendering.set(job.key, promise);
    next();
    return promise;
  }

  return {
    /** The image, from the cache or rendered now, ahead of any pre-render. */
    image: (job: RenderJob) => render(job, true),
    /** Render in the background, after anything asked for; failures are logged, never thrown. */
    prerender(job: RenderJob) {
      render(job, false).catch((err: Error) => {
        if (err.name !== 'Replaced' && err.name !== 'Stopping') console.error(`share images: ${err.message}`);
      });
    },
    /** Drops queued pre-renders whose key starts with this prefix (a newer version replaces them). */
    dropQueued(prefix: string) {
      for (let i = later.length - 1; i >= 0; i--) {
        if (later[i].key.startsWith(prefix)) {
          const [dropped] = later.splice(i, 1);
          const replaced = new Error(`${dropped.key}: replaced by a newer version before it was rendered`);
          replaced.name = 'Replaced';
          dropped.reject(replaced);
        }
      }
    },
    stats: () => ({ ...stats, cached: cache.size, cachedBytes, queued: urgent.length + later.length }),
    async close() {
      closed = true;
      const stopping = new Error('share images: the server is stopping');
      stopping.name = 'Stopping';
      for (const job of [...urgent.splice(0), ...later.splice(0)]) job.reject(stopping);
      busy?.reject(stopping);
      busy = null;
      await worker?.terminate();
      worker = null;
    },
  };
}
