/**
 * Share images, drawn in child processes (render-lane.ts), so a night of
 * images never runs on the thread that answers declarations. Two lanes: an
 * image someone asked for is drawn at normal priority; pre-renders after each
 * 201 at the lowest, with the CPU the desk leaves. Each image is drawn once:
 * asked for twice while drawing, both wait for the one; drawn images are kept
 * in a cache bounded by bytes, least recently used first out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RenderLane, stopping, type RenderJob } from './render-lane.ts';

export type { RenderJob } from './render-lane.ts';

/** Debian's fonts-dejavu-core (.ci/run installs it). */
export const DEFAULT_FONT_DIR = '/usr/share/fonts/truetype/dejavu';

export type ShareRenderer = ReturnType<typeof createRenderer>;

/** The reason images cannot be made here, or null when they can. */
export function fontProblem(fontDir: string): string | null {
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    if (!fs.existsSync(path.join(fontDir, file)))
      return `share images are off: ${path.join(fontDir, file)} is missing (apt-get install fonts-dejavu-core)`;
  }
  return null;
}

export function createRenderer({ fontDir = DEFAULT_FONT_DIR, cacheBytes = 64 * 1024 * 1024 } = {}) {
  const cache = new Map<string, Buffer>();
  let cachedBytes = 0;
  const rendering = new Map<string, Promise<Buffer>>();
  const asked = new RenderLane(fontDir, 0);
  const ahead = new RenderLane(fontDir, 19);
  let closed = false;

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

  function render(job: RenderJob, lane: RenderLane): Promise<Buffer> {
    const hit = cache.get(job.key);
    if (hit) {
      // Most recently used goes to the back.
      cache.delete(job.key);
      cache.set(job.key, hit);
      return Promise.resolve(hit);
    }
    const running = rendering.get(job.key);
    if (running) {
      // Asked for while only queued as a pre-render: it moves to the lane for asked-for images.
      const queued = ahead.queue.findIndex((w) => w.key === job.key);
      if (lane === asked && queued >= 0) asked.push(ahead.queue.splice(queued, 1)[0]);
      return running;
    }
    if (closed) return Promise.reject(stopping());
    const promise = new Promise<Buffer>((resolve, reject) => lane.push({ ...job, resolve, reject })).then(
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
    return promise;
  }

  return {
    /** The image, from the cache or drawn now at normal priority. */
    image: (job: RenderJob) => render(job, asked),
    /** Drawn in the background at the lowest priority; failures are logged, never thrown. */
    prerender(job: RenderJob) {
      render(job, ahead).catch((err: Error) => {
        if (err.name !== 'Replaced' && err.name !== 'Stopping') console.error(`share images: ${err.message}`);
      });
    },
    /** Drops queued pre-renders whose key starts with this prefix (a newer version replaces them). */
    dropQueued(prefix: string) {
      for (let i = ahead.queue.length - 1; i >= 0; i--) {
        if (ahead.queue[i].key.startsWith(prefix)) {
          const [dropped] = ahead.queue.splice(i, 1);
          dropped.reject(Object.assign(new Error(`${dropped.key}: replaced by a newer version before it was drawn`), { name: 'Replaced' }));
        }
      }
    },
    stats: () => ({ cached: cache.size, cachedBytes, queued: asked.queue.length + ahead.queue.length }),
    close() {
      closed = true;
      asked.close();
      ahead.close();
    },
  };
}
