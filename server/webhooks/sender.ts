/**
 * Where webhooks are sent from: a worker thread (sender-thread.ts) when the
 * database is a file, or this thread for an in-memory one (it cannot be shared).
 * A thread that fails is started again at the next kick; what it left pending
 * is still in the outbox.
 */
import { Worker } from 'node:worker_threads';
import { createWebhookWorker, type WorkerOptions } from './worker.ts';

export interface WebhookSender {
  /** Look at these endpoints' queues now (all with pending deliveries, without ids). */
  kick(endpointIds?: readonly number[]): void;
  close(): Promise<void>;
}

export function createWebhookSender({ db, ...options }: WorkerOptions): WebhookSender {
  if (db.memory) {
    const here = createWebhookWorker({ db, ...options });
    return { kick: (ids) => here.kick(ids), close: async () => here.close() };
  }
  let thread: Worker | null = null;
  let closed = false;

  function start(): Worker {
    const started = new Worker(new URL('./thread-boot.mjs', import.meta.url), {
      workerData: {
        entry: new URL('./sender-thread.ts', import.meta.url).href,
        dbPath: db.name,
        retryDelaysMs: options.retryDelaysMs ? [...options.retryDelaysMs] : undefined,
        timeoutMs: options.timeoutMs,
      },
    });
    started.on('error', (err) => {
      console.error(`webhooks: the sending thread failed (${err.message}); it starts again at the next delivery`);
      if (thread === started) thread = null;
    });
    started.on('exit', () => {
      if (thread === started) thread = null;
    });
    return started;
  }

  return {
    kick(endpointIds) {
      if (closed) return;
      if (!thread) {
        // A new thread looks at every queue as it starts.
        thread = start();
        return;
      }
      thread.postMessage({ kick: endpointIds ? [...endpointIds] : null });
    },
    async close() {
      closed = true;
      const stopping = thread;
      thread = null;
      if (!stopping) return;
      stopping.postMessage({ close: true });
      // A request in flight is abandoned: its delivery stays pending and goes again after a restart.
      await Promise.race([new Promise((resolve) => stopping.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await stopping.terminate();
    },
  };
}
