/** A share of the behind-a-cache bench's readers, in a thread of its own so their loops do not slow the declarations or the clock. */
import { parentPort, workerData } from 'node:worker_threads';
import { startReaders } from '../tests/support/polling-readers.ts';

const { url, readers, everyMs } = workerData as { url: string; readers: number; everyMs: number };
const crowd = startReaders(url, { readers, everyMs });
parentPort!.once('message', async () => {
  await crowd.stop();
  parentPort!.postMessage({ ...crowd.counts(), seen: crowd.readers.map((r) => [...r.seen]) });
});
