/** Composition root: config, database, baseline, app, listen. Nothing else. */
import { randomBytes } from 'node:crypto';
import { createApp } from './app.ts';
import { loadBaselineFile } from './baseline/load-article-baseline.ts';
import { httpOptions, readConfig } from './config/env.ts';
import { openDatabase } from './db/connection.ts';
import { acquireWriterLock } from './db/writer-lock.ts';
import { owned } from './process/faults.ts';
import { installLastResort } from './process/last-resort.ts';
import { startOrExplain } from './process/start-or-explain.ts';
import { attachRedisAdapter, HEARTBEAT_MS, writerRelay, type RedisLink } from './realtime/redis-adapter.ts';
import { startBanner } from './cli/start-banner.ts';
import { seedBaseline } from './services/seed-baseline.ts';
import { wireSource } from './wire/wire-source.ts';

let closing: (() => Promise<void>) | undefined;
installLastResort({ close: () => closing?.() ?? Promise.resolve() });

const { config, lock, db } = startOrExplain(() => {
  const config = readConfig();
  // Before the database is opened: a second server must not even migrate it.
  const lock = acquireWriterLock(config.DATABASE_PATH);
  return { config, lock, db: openDatabase(config.DATABASE_PATH) };
});
const added = seedBaseline(db, loadBaselineFile(config.BASELINE_PATH));
const apiToken = config.ELECTION_API_TOKEN ?? randomBytes(24).toString('base64url');
let redis: RedisLink | null = null;
// The writer role (npm run start:writer): each batch of updates also goes to the fan-out processes.
const relay = config.REDIS_URL
  ? writerRelay(
      () => app.io,
      () => redis,
    )
  : undefined;
const app = createApp({
  db,
  apiToken,
  clientDist: config.CLIENT_DIST,
  allowedOrigins: config.ELECTION_ALLOWED_ORIGINS,
  trustedProxies: config.ELECTION_TRUST_PROXY,
  viewerBacklogBytes: config.ELECTION_VIEWER_BACKLOG_BYTES,
  ...httpOptions(config),
  shareImages: config.ELECTION_SHARE_IMAGES === 'on' ? {} : false,
  relay,
  // The wire role (README: "PA's wire"): the same poller as npm run ingest, in this process.
  ...(config.WIRE_SOURCE &&
    config.WIRE_ELECTION && {
      wire: { election: config.WIRE_ELECTION, source: wireSource(config.WIRE_SOURCE), log: (line: string) => console.log(`wire: ${line}`) },
    }),
});
redis = config.REDIS_URL ? await attachRedisAdapter(app.io, config.REDIS_URL) : null;
if (relay) {
  // The fan-out processes mark their viewers stale when this stops (Redis or the writer gone).
  setInterval(
    () => owned('the writer heartbeat', () => relay.heartbeat(Object.fromEntries(app.service.listElections().map((e) => [e.id, e.seq])))),
    HEARTBEAT_MS,
  ).unref();
}
const firstAdmin = await app.accounts.ensureFirstAdmin({ username: config.ELECTION_ADMIN_USER, password: config.ELECTION_ADMIN_PASSWORD });
const port = await app.listen(config.PORT, config.HOST);

for (const line of startBanner(`http://localhost:${port}`, app.service.listElections())) console.log(line);
console.log(`Database: ${config.DATABASE_PATH}${added.length ? ` (baseline loaded: ${added.join(', ')})` : ''}`);
if (config.REDIS_URL) console.log(`Writer for fan-out processes through Redis ${config.REDIS_URL}`);
if (config.WIRE_SOURCE && config.WIRE_ELECTION)
  console.log(`Wire: polling ${wireSource(config.WIRE_SOURCE).describe} into ${config.WIRE_ELECTION}`);
else if (config.WIRE_SOURCE || config.WIRE_ELECTION) console.log('Wire: off (WIRE_SOURCE and WIRE_ELECTION are both needed)');
if (firstAdmin?.oneTimePassword) {
  console.log(
    `First start: admin account "${firstAdmin.username}", password ${firstAdmin.oneTimePassword} (shown once; ` +
      `set ELECTION_ADMIN_PASSWORD to choose it)`,
  );
}
if (!config.ELECTION_API_TOKEN) console.log(`API token for this run (set ELECTION_API_TOKEN to choose one): ${apiToken}`);

closing = async () => {
  await app.close();
  await redis?.close();
  db.close();
  lock?.release();
};
const shutdown = () => void closing!().finally(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
