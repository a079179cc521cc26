/**
 * The writer role of the scale-out layout (npm run start:writer): the
 * single process of main.ts, which owns the database, the API and the
 * pages, joined to the fan-out processes through REDIS_URL, which it needs.
 */
import { readConfig } from './config/env.ts';

if (!readConfig().REDIS_URL) {
  console.error('The writer relays updates to fan-out processes through Redis: set REDIS_URL, e.g. redis://127.0.0.1:6379');
  process.exit(1);
}
await import('./main.ts');
