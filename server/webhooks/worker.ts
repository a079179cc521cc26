/**
 * Sends the outbox. Each endpoint has its own queue, sent one delivery at a
 * time in the order queued: a delivery is tried until it is delivered or dead
 * before the next is sent. Endpoints never wait on each other, and nothing here
 * runs on a declaration's path: the 201 has gone before a webhook is tried.
 */
import type { Db } from '../db/connection.ts';
import * as repo from '../db/webhooks-repo.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signature.ts';

/**
 * After the first attempt: 2 s, 10 s, 30 s, 1, 2, 5 min, then every 10 min.
 * Thirteen attempts over 69 minutes, then a dead letter an admin can send again.
 */
export const DEFAULT_RETRY_DELAYS_MS = [2, 10, 30, 60, 120, 300, 600, 600, 600, 600, 600, 600].map((s) => s * 1000);

export interface WorkerOptions {
  db: Db;
  now?: () => Date;
  retryDelaysMs?: readonly number[];
  /** An attempt with no answer in this long has failed. */
  timeoutMs?: number;
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;

interface Lane {
  running: boolean;
  /** Kicked while running: look at the queue again before stopping. */
  again: boolean;
  timer: NodeJS.Timeout | null;
  inFlight: AbortController | null;
}

const describe = (err: unknown): string => {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
  }
  return String(err);
};

export function createWebhookWorker({
  db,
  now = () => new Date(),
  retryDelaysMs = DEFAULT_RETRY_DELAYS_MS,
  timeoutMs = 10_000,
}: WorkerOptions) {
  const lanes = new Map<number, Lane>();
  let closed = false;

  const lane = (id: number): Lane => {
    let found = lanes.get(id);
    if (!found) lanes.set(id, (found = { running: false, again: false, timer: null, inFlight: null }));
    return found;
  };

  async function attempt(endpoint: repo.Endpoint, delivery: repo.DeliveryRow, l: Lane): Promise<void> {
    const at = now();
    const timestamp = Math.floor(at.getTime() / 1000);
    const controller = new AbortController();
    l.inFlight = controller;
    const timeout = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        body: delivery.body,
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'election-night-webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, timestamp, delivery.body),
          'idempotency-key': delivery.idempotency_key,
          'election-event': delivery.event,
          'election-mode': delivery.mode,
          'election-delivery': String(delivery.id),
          'election-attempt': String(delivery.attempts + 1),
        },
      });
      status = response.status;
      // The body is not ours to read; drain it so the connection is released.
      await response.arrayBuffer().catch(() => undefined);
      if (status < 200 || status >= 300) error = `answered ${status}`;
    } catch (err) {
      error = controller.signal.aborted && controller.signal.reason instanceof Error ? controller.signal.reason.message : describe(err);
    } finally {
      clearTimeout(timeout);
      l.inFlight = null;
    }
    // Closed mid-flight: the delivery stays pending as it was and is sent again after a restart, with the same key.
    if (closed) return;
    const done = now().toISOString();
    if (error === null) {
      repo.recordSuccess(db, delivery.id, status!, done);
    } else {
      const delay = retryDelaysMs[delivery.attempts];
      const nextAt = delay === undefined ? null : new Date(now().getTime() + delay).toISOString();
      repo.recordFailure(db, delivery.id, { status, error, at: done, nextAt });
    }
  }

  /** Sends an endpoint's queue from its head until it is empty or the head must wait. */
  async function pump(endpointId: number): Promise<void> {
    const l = lane(endpointId);
    if (l.running) {
      l.again = true;
      return;
    }
    l.running = true;
    try {
      do {
        l.again = false;
        while (!closed) {
          const endpoint = repo.findEndpoint(db, endpointId);
          if (!endpoint || endpoint.disabled_at !== null) break;
          const head = repo.queueHead(db, endpointId);
          if (!head) break;
          const wait = Date.parse(head.next_attempt_at) - now().getTime();
          if (wait > 0) {
            schedule(endpointId, wait);
            break;
          }
          await attempt(endpoint, head, l);
        }
      } while (l.again && !closed);
    } finally {
      l.running = false;
    }
  }

  function run(endpointId: number) {
    pump(endpointId).catch((err: unknown) => {
      // A database error here must not end the process: say so and look again shortly.
      console.error(`webhooks: endpoint ${endpointId}: ${describe(err)}`);
      schedule(endpointId, 1000);
    });
  }

  function schedule(endpointId: number, ms: number) {
    if (closed) return;
    const l = lane(endpointId);
    if (l.timer) clearTimeout(l.timer);
    l.timer = setTimeout(() => {
      l.timer = null;
      run(endpointId);
    }, ms);
    l.timer.unref?.();
  }

  return {
    /** Something was queued (or resent, or the server started): look at the queues now. */
    kick(endpointIds: readonly number[] = repo.endpointsWithPending(db)) {
      if (closed) return;
      for (const id of endpointIds) {
        const l = lane(id);
        if (l.timer && !l.running) {
          clearTimeout(l.timer);
          l.timer = null;
        }
        run(id);
      }
    },
    /** Stops sending: timers cleared, requests in flight abandoned (those deliveries stay pending). */
    close() {
      closed = true;
      for (const l of lanes.values()) {
        if (l.timer) clearTimeout(l.timer);
        l.inFlight?.abort(new Error('the server is stopping'));
      }
    },
  };
}
