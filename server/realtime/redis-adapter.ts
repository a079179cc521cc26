/**
 * Scale-out is configuration: socket.io's own Redis adapter joins this
 * process's io to the others'. The writer relays each batch of numbered
 * updates to the fan-out processes as a server-side event over it
 * (`election:batch`), and says it is alive once a second with each
 * election's seq (`writer:heartbeat`); settings changes reach every
 * process's viewers as an ordinary room broadcast.
 *
 * Redis may go away for minutes on a night. The adapter never waits for
 * its publishes, so one that fails must be caught here or it ends the
 * process; and the writer relays nothing while Redis is away (the fan-out
 * processes fetch the state again when the heartbeat comes back), so
 * nothing piles up in the client's offline queue.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { ElectionUpdate } from '../../shared/protocol/schemas.ts';
import { owned, reportFault } from '../process/faults.ts';
import type { RelayEvents, ResultsIo } from './types.ts';

export interface RedisLink {
  /** Every time the subscriber connection comes back after Redis went away. */
  onReconnect(listener: () => void): void;
  /** Whether publishes go out now (both connections up). */
  ready(): boolean;
  close(): Promise<void>;
}

export const HEARTBEAT_MS = 1000;

/**
 * The publisher as the adapter sees it: the same client, whose publish
 * reports a failure instead of leaving a rejected promise nobody awaits.
 * Everything else is the client's own, bound to it (its fields are private).
 */
function reportingPublisher<C extends { publish(...args: never[]): Promise<unknown> }>(client: C): C {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === 'publish') {
        return (...args: Parameters<C['publish']>) => {
          const sent = target.publish(...args);
          sent.catch((error: unknown) => reportFault('a Redis publish', error));
          return sent;
        };
      }
      return typeof value === 'function' && property !== 'constructor' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export async function attachRedisAdapter(io: ResultsIo, url: string, log: (line: string) => void = console.log): Promise<RedisLink> {
  // Keep trying every second at most: Redis restarting must not stop the night.
  const reconnectStrategy = (retries: number) => Math.min(1000, 50 * 2 ** Math.min(retries, 5));
  const pub = createClient({ url, socket: { reconnectStrategy } });
  const sub = pub.duplicate();
  const listeners: Array<() => void> = [];
  let connectedOnce = false;
  for (const [name, client] of [
    ['publisher', pub],
    ['subscriber', sub],
  ] as const) {
    // An error event without a listener would end the process; the client reconnects by itself.
    // One line per outage, not one per retry.
    let down = false;
    client.on('error', (error: Error) => {
      if (!down) log(`redis ${name}: ${error.message}; retrying every second`);
      down = true;
    });
    client.on('ready', () => {
      if (down) log(`redis ${name}: connected again`);
      down = false;
    });
  }
  sub.on('ready', () => {
    if (connectedOnce) for (const listener of listeners) owned('a Redis reconnect', listener);
    connectedOnce = true;
  });
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(reportingPublisher(pub), sub));
  return {
    onReconnect(listener) {
      listeners.push(listener);
    },
    ready: () => pub.isReady && sub.isReady,
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

/**
 * The writer's side: what it hands every other process (`io` and the link are asked late:
 * the app that owns io is built with this, before Redis is attached). Nothing is relayed
 * while Redis is away: the fan-out processes refetch when the heartbeat returns.
 */
export function writerRelay(io: () => ResultsIo, link: () => RedisLink | null) {
  const relay = <E extends keyof RelayEvents>(event: E, ...args: Parameters<RelayEvents[E]>) => {
    if (link()?.ready()) io().serverSideEmit(event, ...args);
  };
  return {
    batch: (election: string, updates: ElectionUpdate[]) => relay('election:batch', { election, updates }),
    referenceChanged: () => relay('reference:changed'),
    heartbeat: (seqs: Record<string, number>) => relay('writer:heartbeat', { at: new Date().toISOString(), seqs }),
  };
}

/** A fan-out process's side: each thing the writer relayed, its listener owned (a throw is reported, never fatal). */
export function onRelayed<E extends keyof RelayEvents>(io: ResultsIo, event: E, listener: RelayEvents[E]): void {
  const owning = (...args: Parameters<RelayEvents[E]>) =>
    owned(`the relayed ${event}`, () => (listener as (...a: Parameters<RelayEvents[E]>) => unknown)(...args));
  // socket.io types io.on per event; for a generic E it cannot resolve which, and onRelayed's own signature has checked the pair.
  io.on(event, owning as never);
}
