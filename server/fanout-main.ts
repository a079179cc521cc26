/**
 * Composition root of a fan-out process: socket.io viewers only, no
 * database. Snapshots come from a mirror of the writer's state, updates
 * from the writer's relay through Redis, and the writer's heartbeat says
 * whether the figures here are current.
 *   npm run start:fanout -- --writer http://127.0.0.1:3000 --port 3001   (REDIS_URL=redis://...)
 */
import type { NightReference } from '../shared/protocol/compact-snapshot.ts';
import { DEFAULT_HTTP_LIMITS } from './http/connection-bounds.ts';
import { createHttpStack } from './http/http-stack.ts';
import { sendReference } from './http/reference-reply.ts';
import { snapshotRoutes } from './http/snapshot-routes.ts';
import { leanRoutes } from './http/lean-routes.ts';
import { owned } from './process/faults.ts';
import { installLastResort } from './process/last-resort.ts';
import { startOrExplain } from './process/start-or-explain.ts';
import { attachRedisAdapter, onRelayed } from './realtime/redis-adapter.ts';
import { broadcastUpdates, createSocketServer, resyncViewers } from './realtime/socket-server.ts';
import type { ResultsIo } from './realtime/types.ts';
import { readFanoutConfig } from './roles/role-config.ts';
import { createSourceWatch } from './roles/source-watch.ts';
import { createStateMirror } from './roles/state-mirror.ts';
import { RefusedError } from './services/errors.ts';

let io: ResultsIo | undefined;
installLastResort({ close: async () => io?.close() });

const config = startOrExplain(() => readFanoutConfig());
const mirror = createStateMirror({ writerUrl: config.WRITER_URL });
const source = createSourceWatch();

// The same HTTP stack as the writer's (security headers, compression, error replies), serving only what a fan-out
// process holds: socket.io answers its own path, the reference is mirrored, everything else (pages, API) is the writer's.
const http = createHttpStack({ limits: DEFAULT_HTTP_LIMITS });
// Routes are added once the stack's plugins have loaded, as the writer's are (app.ts).
http.after(() => {
  http.get('/healthz', async (_request, reply) => reply.type('text/plain').send(source.live ? 'ok' : 'stale'));
  /** The reference the snapshots sent here are read against: the same one the writer serves, once mirrored. */
  http.get<{ Params: { election: string } }>('/api/elections/:election(^[a-z0-9-]{1,40}$)/reference', async (request, reply) => {
    let reference: NightReference;
    try {
      reference = await mirror.reference(request.params.election);
    } catch (error) {
      // The writer's own refusals (an unknown election) as it gave them; the writer out of reach is a bad gateway.
      if (error instanceof RefusedError) throw error;
      return reply.code(502).send({ error: error instanceof Error ? error.message : String(error) });
    }
    return sendReference(request, reply, reference);
  });
  // A screen's starting state from the mirror, tagged as the writer tags it: a screen may fetch it here and resume here.
  snapshotRoutes(http, mirror);
  leanRoutes(http, mirror);
  http.setNotFoundHandler(async (_request, reply) =>
    reply.code(404).send({ error: `not served here: ask the writer (${config.WRITER_URL})` }),
  );
});

const viewers = createSocketServer(http.server, mirror, {
  backlogLimitBytes: config.ELECTION_VIEWER_BACKLOG_BYTES,
  // A viewer arriving while the writer is silent is told at once that what it gets may be old.
  onConnection: (socket) => !source.live && socket.emit('feed:status', { live: false, since: source.since }),
});
io = viewers;
const redis = await attachRedisAdapter(viewers, config.REDIS_URL);

onRelayed(viewers, 'election:batch', ({ election, updates }) => {
  mirror.apply(election, updates);
  const reference = mirror.referenceHeld(election);
  if (reference) broadcastUpdates(viewers, election, updates, reference);
});
// Continuity changed on the writer: outcomes differ though no seq moved, so every viewer gets the state again.
onRelayed(viewers, 'reference:changed', async () => {
  for (const snapshot of await mirror.refreshAll({ always: true })) resyncViewers(viewers, snapshot);
});

/** The writer is heard again: every viewer gets the state as it is now, then the all-clear. */
async function recover() {
  for (const snapshot of await mirror.refreshAll({ always: true })) resyncViewers(viewers, snapshot);
  viewers.local.emit('feed:status', { live: true, since: new Date().toISOString() });
}
// A heartbeat's seqs are read one beat late: the newest updates may still be in the writer's batch window.
let previousSeqs: Record<string, number> = {};
onRelayed(viewers, 'writer:heartbeat', async ({ seqs }) => {
  if (source.beat() === 'back') return recover();
  // Behind a seq the writer had a beat ago: a relay was lost on the way. Fetch again.
  for (const snapshot of await mirror.catchUp(previousSeqs)) resyncViewers(viewers, snapshot);
  previousSeqs = seqs;
});
setInterval(
  () =>
    owned('watching the writer', () => {
      if (source.check() === 'down') viewers.local.emit('feed:status', { live: false, since: source.since });
    }),
  500,
).unref();
// Relays sent while Redis was away are lost: fetch again, and give viewers the state if it moved.
redis.onReconnect(async () => {
  for (const snapshot of await mirror.refreshAll()) resyncViewers(viewers, snapshot);
});

await http.listen({ port: config.PORT, host: config.HOST });
const address = http.server.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
console.log(`Election night fan-out: listening on ${port}, writer ${config.WRITER_URL}, Redis ${config.REDIS_URL}`);

const shutdown = async () => {
  viewers.close();
  await http.close();
  await redis.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
