/**
 * Finding 6 of the hostile-outsider review: two servers started on one
 * DATABASE_PATH both accepted the same seat. The second now refuses to
 * start, saying why in one line, and the first goes on.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { projectRoot } from '../../server/config/project-root.ts';
import { freePort, startChild, type ChildServer } from '../support/child-server.ts';
import { tempDir, TEST_TOKEN } from '../support/server.ts';

let running: ChildServer[] = [];
afterEach(async () => {
  for (const child of running) await child.kill('SIGTERM');
  running = [];
});

describe('one writer per database', () => {
  test('a second server on the same database refuses to start, naming DATABASE_PATH, and the first keeps serving', async () => {
    const env = {
      DATABASE_PATH: path.join(tempDir('election-one-writer-'), 'election.sqlite'),
      ELECTION_API_TOKEN: TEST_TOKEN,
      ELECTION_ADMIN_PASSWORD: 'correct horse battery staple',
    };
    const first = await startChild({ port: await freePort(), env });
    running.push(first);
    const second = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server/main.ts')], {
      cwd: projectRoot,
      env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(await freePort()), CLIENT_DIST: '/nonexistent' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/DATABASE_PATH .*election\.sqlite is in use by another server/);
    expect(second.stderr).not.toMatch(/\n\s+at /); // one line, no stack trace
    expect((await fetch(`${first.url}/api/elections`)).status).toBe(200);
  });

  test('after the first is killed outright, a new server starts on the same database', async () => {
    const env = {
      DATABASE_PATH: path.join(tempDir('election-one-writer-'), 'election.sqlite'),
      ELECTION_API_TOKEN: TEST_TOKEN,
      ELECTION_ADMIN_PASSWORD: 'correct horse battery staple',
    };
    const port = await freePort();
    await (await startChild({ port, env })).kill('SIGKILL');
    const next = await startChild({ port, env });
    running.push(next);
    expect((await fetch(`${next.url}/api/elections`)).status).toBe(200);
  });
});
