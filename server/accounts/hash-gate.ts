/**
 * scrypt is meant to be slow (about 50-100 ms and 32 MB a hash), and it runs
 * on libuv's small thread pool, which also reads the files every page is
 * served from. Unbounded, 400 sign-ins at once took 64 s of hashing and the
 * big screen 63 s to load. So at most `concurrent` hashes run at a time, at
 * most `queued` wait, and beyond that a sign-in is told to try again.
 */
import { RefusedError } from '../services/errors.ts';

export const HASHES_AT_ONCE = 2;
export const HASHES_WAITING = 16;

export interface HashGate {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Hashes running and waiting now (for tests and the bench). */
  load(): { running: number; waiting: number };
}

export function createHashGate({ concurrent = HASHES_AT_ONCE, queued = HASHES_WAITING } = {}): HashGate {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };
  return {
    async run(work) {
      if (running >= concurrent) {
        if (waiting.length >= queued) {
          throw new RefusedError(503, 'login: the server is busy checking other sign-ins; try again in a few seconds');
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running++;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
