/**
 * npm run bench            runs every bench/*.bench.ts in turn, each in its own process
 * npm run bench -- NAME    runs the ones whose file name contains NAME
 * Each prints its own figures and ratios; nothing here asserts on time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const filter = process.argv[2] ?? '';
const benches = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file), ...process.argv.slice(3)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
console.log(`\n${benches.length - failed} of ${benches.length} benchmarks ran`);
process.exit(failed > 0 ? 1 : 0);
