import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { projectRoot } from '../../server/config/project-root.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { importBaseline } from '../../server/services/import-service.ts';
import { dropNight } from '../../server/wire/drop-night.ts';
import { folderSource } from '../../server/wire/wire-source.ts';
import { startServer, tempDir, TEST_TOKEN, type RunningServer } from '../support/server.ts';
import { baseline2019, plan2019, preset, results2019, untilDesk } from '../support/wire.ts';

let server: RunningServer;
beforeAll(async () => {
  const dbPath = path.join(tempDir(), 'ingest.sqlite');
  const db = openDatabase(dbPath);
  importBaseline(db, preset.election, baseline2019);
  db.close();
  server = await startServer({ dbPath });
}, 60_000);
afterAll(() => server?.close());

test('npm run ingest -- pa --folder: a separate process reads a mirrored drop into the server; when it stops, the desk shows the feed down', async () => {
  const drop = tempDir('pa-drop-');
  const drops = plan2019({ results: results2019.slice(0, 20), seed: 7, sopEvery: 10 });
  await dropNight(drops, folderSource(drop), { speed: Infinity });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli/ingest.ts', 'pa', '--election', 'ge2019', '--folder', drop, '--url', server.url],
    {
      cwd: projectRoot,
      env: { ...process.env, ELECTION_API_TOKEN: TEST_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    // The feed reports after each poll's files are in: wait for both.
    const desk = await untilDesk(
      server,
      (d) => d.counts.applied + d.counts.skipped === drops.length && d.feed.state === 'up',
      'every file settled, the feed up',
      30_000,
    );
    expect(desk.feed.state).toBe('up');
    expect(desk.problems).toEqual([]);
    expect(desk.sop).toMatchObject({ paResults: 20, ourResults: 20, differences: [] });
    expect(output).toContain(`Ingesting PA from folder ${drop} into ge2019`);
    expect(output).not.toContain(TEST_TOKEN);
  } finally {
    child.kill('SIGTERM');
  }
  await new Promise((resolve) => child.once('exit', resolve));
  const down = await untilDesk(server, (d) => d.feed.state === 'down', 'the feed down once the ingest process is gone', 15_000);
  expect(down.feed.detail).toMatch(/^no word from the poller for \d+ s$/);
}, 90_000);
