/**
 * Composition root of a fan-out process: socket.io viewers only, no
 * database. Snapshots come from a mirror of the writer's state, updates
 * from the writer's relay through Redis.
 *   npm run start:fanout -- --writer http://127.0.0.1:3000 --port 3001   (REDIS_URL=redis://...)
 */
import { createServer } from 'node:http';
import { attachRedisAdapter, onRelayedBatch } from './realtime/redis-adapter.ts';
import { broadcastUpdates, createSocketServer, resyncViewers } from './realtime/socket-server.ts';
import { readFanoutConfig } from './roles/role-config.ts';
import { createStateMirror } from './roles/state-mirror.ts';

const config = readFanoutConfig();
const http = createServer((request, response) => {
  // socket.io answers its own path; everything else (pages, API) is the writer's.
  if (request.url === '/healthz') response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  else response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `not served here: ask the writer (${config.WRITER_URL})` }));
});
const mirror = createStateMirror({ writerUrl: config.WRITER_URL });
const io = createSocketServer(http, mirror);
const redis = await attachRedisAdapter(io, config.REDIS_URL);

onRelayedBatch(io, ({ election, updates }) => {
  mirror.apply(election, updates);
  broadcastUpdates(io, election, updates);
});
// Relays sent while Redis was away are lost: fetch again, and give viewers the state if it moved.
redis.onReconnect(async () => {
  for (const state of await mirror.refreshAll()) resyncViewers(io, state);
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
