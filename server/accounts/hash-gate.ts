/**
 * scrypt is meant to be slow (about 50-100 ms and 32 MB a hash), and it runs
 * on libuv's small thread pool, which also reads the files every page is
 * served from. Unbounded, 400 sign-ins at once took 64 s of hashing and the
 * big screen 63 s to load. So at most `concurrent` hashes run at a time, at
 * most `queued` wait, and beyond that a sign-in is told to try again. One
 * address may hold at most `perKey` of those places, running or waiting, so
 * a flood from one address never queues an editor elsewhere behind it.
 */
import { RefusedError } from '../services/errors.ts';

export const HASHES_AT_ONCE = 2;
export const HASHES_WAITING = 16;
export const HASHES_PER_ADDRESS = 4;

export interface HashGate {
  /** `key`: who asks (an address); one key holds at most `perKey` places. */
  run<T>(work: () => Promise<T>, key?: string): Promise<T>;
  /** Hashes running and waiting now (for tests and the bench). */
  load(): { running: number; waiting: number };
}

export function createHashGate({ concurrent = HASHES_AT_ONCE, queued = HASHES_WAITING, perKey = HASHES_PER_ADDRESS } = {}): HashGate {
  let running = 0;
  const waiting: Array<() => void> = [];
  const held = new Map<string, number>();
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };
  return {
    async run(work, key) {
      const mine = key === undefined ? 0 : (held.get(key) ?? 0);
      if (mine >= perKey || (running >= concurrent && waiting.length >= queued)) {
        throw new RefusedError(503, 'login: the server is busy checking other sign-ins; try again in a few seconds');
      }
      if (key !== undefined) held.set(key, mine + 1);
      try {
        if (running >= concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
        else running++;
        try {
          return await work();
        } finally {
          release();
        }
      } finally {
        if (key !== undefined) {
          const left = held.get(key)! - 1;
          if (left > 0) held.set(key, left);
          else held.delete(key);
        }
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
