/**
 * Scale-out is configuration: socket.io's own Redis adapter joins this
 * process's io to the others'. The writer relays each batch of numbered
 * updates to the fan-out processes as a server-side event over it
 * (`election:batch`); settings changes reach every process's viewers as an
 * ordinary room broadcast.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { ElectionUpdate } from '../../shared/protocol/schemas.ts';
import type { ResultsIo } from './socket-server.ts';

/** Events between server processes (never seen by a browser). */
export interface RelayEvents {
  'election:batch': (batch: { election: string; updates: ElectionUpdate[] }) => void;
  /** Party continuity changed on the writer: fetch the state and reference again. */
  'reference:changed': () => void;
}

export interface RedisLink {
  /** Every time the subscriber connection comes back after Redis went away. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

export async function attachRedisAdapter(io: ResultsIo, url: string, log: (line: string) => void = console.log): Promise<RedisLink> {
  // Keep trying every second at most: Redis restarting must not stop the night.
  const reconnectStrategy = (retries: number) => Math.min(1000, 50 * 2 ** Math.min(retries, 5));
  const pub = createClient({ url, socket: { reconnectStrategy } });
  const sub = pub.duplicate();
  const listeners: Array<() => void> = [];
  let connectedOnce = false;
  for (const [name, client] of [['publisher', pub], ['subscriber', sub]] as const) {
    // An error event without a listener would end the process; the client reconnects by itself.
    client.on('error', (error: Error) => log(`redis ${name}: ${error.message}`));
  }
  sub.on('ready', () => {
    if (connectedOnce) for (const listener of listeners) listener();
    connectedOnce = true;
  });
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  return {
    onReconnect(listener) {
      listeners.push(listener);
    },
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

type Relaying = { serverSideEmit<E extends keyof RelayEvents>(event: E, ...args: Parameters<RelayEvents[E]>): void };
type Relayed = { on<E extends keyof RelayEvents>(event: E, listener: RelayEvents[E]): void };

/** The writer's side: what it hands every other process (`io` is asked late: the app that owns it is built with this). */
export function writerRelay(io: () => ResultsIo) {
  const relaying = () => io() as unknown as Relaying;
  return {
    batch: (election: string, updates: ElectionUpdate[]) => relaying().serverSideEmit('election:batch', { election, updates }),
    referenceChanged: () => relaying().serverSideEmit('reference:changed'),
  };
}

/** A fan-out process's side: each thing the writer relayed. */
export function onRelayed<E extends keyof RelayEvents>(io: ResultsIo, event: E, listener: RelayEvents[E]): void {
  (io as unknown as Relayed).on(event, listener);
}
