/** Composition root: config, database, baseline, app, listen. Nothing else. */
import { randomBytes } from 'node:crypto';
import { createApp } from './app.ts';
import { loadBaselineFile } from './baseline/load-article-baseline.ts';
import { readConfig } from './config/env.ts';
import { openDatabase } from './db/connection.ts';
import { attachRedisAdapter, writerRelay } from './realtime/redis-adapter.ts';
import { seedBaseline } from './services/seed-baseline.ts';

const config = readConfig();
const db = openDatabase(config.DATABASE_PATH);
const added = seedBaseline(db, loadBaselineFile(config.BASELINE_PATH));
const apiToken = config.ELECTION_API_TOKEN ?? randomBytes(24).toString('base64url');
const app = createApp({
  db,
  apiToken,
  clientDist: config.CLIENT_DIST,
  allowedOrigins: config.ELECTION_ALLOWED_ORIGINS,
  trustedProxies: config.ELECTION_TRUST_PROXY,
  // The writer role (npm run start:writer): each batch of updates also goes to the fan-out processes.
  relay: config.REDIS_URL ? writerRelay(() => app.io) : undefined,
});
const redis = config.REDIS_URL ? await attachRedisAdapter(app.io, config.REDIS_URL) : null;
const firstAdmin = await app.accounts.ensureFirstAdmin({ username: config.ELECTION_ADMIN_USER, password: config.ELECTION_ADMIN_PASSWORD });
const port = await app.listen(config.PORT, config.HOST);

console.log(`Election night: http://localhost:${port}/ (dashboard), http://localhost:${port}/entry (entry)`);
console.log(`Database: ${config.DATABASE_PATH}${added.length ? ` (baseline loaded: ${added.join(', ')})` : ''}`);
if (config.REDIS_URL) console.log(`Writer for fan-out processes through Redis ${config.REDIS_URL}`);
if (firstAdmin?.oneTimePassword) {
  console.log(`First start: admin account "${firstAdmin.username}", password ${firstAdmin.oneTimePassword} (shown once; set ELECTION_ADMIN_PASSWORD to choose it)`);
}
if (!config.ELECTION_API_TOKEN) console.log(`API token for this run (set ELECTION_API_TOKEN to choose one): ${apiToken}`);

const shutdown = async () => {
  await app.close();
  await redis?.close();
  db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
