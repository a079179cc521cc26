/**
 * Composition root of a fan-out process: socket.io viewers only, no
 * database. Snapshots come from a mirror of the writer's state, updates
 * from the writer's relay through Redis.
 *   npm run start:fanout -- --writer http://127.0.0.1:3000 --port 3001   (REDIS_URL=redis://...)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { alreadyHeld, REVALIDATE_EACH_TIME } from './http/etag.ts';
import { referenceJson, referenceTag } from './http/reference-reply.ts';
import { attachRedisAdapter, onRelayed } from './realtime/redis-adapter.ts';
import { broadcastUpdates, createSocketServer, resyncViewers } from './realtime/socket-server.ts';
import { readFanoutConfig } from './roles/role-config.ts';
import { createStateMirror } from './roles/state-mirror.ts';
import { RefusedError } from './services/errors.ts';

const config = readFanoutConfig();
const mirror = createStateMirror({ writerUrl: config.WRITER_URL });

/** The reference the snapshots sent here are read against: the same one the writer serves, once mirrored. */
async function serveReference(electionId: string, request: IncomingMessage, response: ServerResponse) {
  try {
    const reference = await mirror.reference(electionId);
    const etag = referenceTag(reference);
    const headers = { etag, 'cache-control': REVALIDATE_EACH_TIME };
    if (alreadyHeld(request.headers['if-none-match'], etag)) response.writeHead(304, headers).end();
    else response.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(referenceJson(reference));
  } catch (error) {
    const status = error instanceof RefusedError ? error.status : 502;
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  }
}

const http = createServer((request, response) => {
  // socket.io answers its own path; the reference is mirrored; everything else (pages, API) is the writer's.
  const reference = request.method === 'GET' && /^\/api\/elections\/([a-z0-9-]{1,40})\/reference$/.exec(request.url ?? '');
  if (request.url === '/healthz') response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  else if (reference) void serveReference(reference[1], request, response);
  else response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `not served here: ask the writer (${config.WRITER_URL})` }));
});
const io = createSocketServer(http, mirror);
const redis = await attachRedisAdapter(io, config.REDIS_URL);

onRelayed(io, 'election:batch', ({ election, updates }) => {
  mirror.apply(election, updates);
  const reference = mirror.referenceHeld(election);
  if (reference) broadcastUpdates(io, election, updates, reference);
});
// Continuity changed on the writer: outcomes differ though no seq moved, so every viewer gets the state again.
onRelayed(io, 'reference:changed', async () => {
  for (const snapshot of await mirror.refreshAll({ always: true })) resyncViewers(io, snapshot);
});
// Relays sent while Redis was away are lost: fetch again, and give viewers the state if it moved.
redis.onReconnect(async () => {
  for (const snapshot of await mirror.refreshAll()) resyncViewers(io, snapshot);
});

await new Promise<void>((resolve) => http.listen(config.PORT, config.HOST, resolve));
const address = http.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
console.log(`Election night fan-out: listening on ${port}, writer ${config.WRITER_URL}, Redis ${config.REDIS_URL}`);

const shutdown = async () => {
  io.close();
  await redis.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
