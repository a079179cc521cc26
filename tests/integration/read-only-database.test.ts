/**
 * A database the server cannot write (a read-only file, or a read-only folder for its WAL) stops it
 * with one line naming DATABASE_PATH and the file, not a stack trace of SQLite's. The opening runs in a
 * child process without root's privileges (root may write any file), as the server would.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/connection.ts';
import { projectRoot } from '../../server/config/project-root.ts';
import { tempDir } from '../support/server.ts';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** Opens the file in a child process as an unprivileged user; answers what it threw. */
function openAsUnprivileged(file: string): { name: string; message: string } | null {
  const script = `import(${JSON.stringify(path.join(projectRoot, 'server/db/connection.ts'))}).then((m) => {
    try { m.openDatabase(${JSON.stringify(file)}).close(); console.log('null'); }
    catch (e) { console.log(JSON.stringify({ name: e.name, message: e.message })); }
  });`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: projectRoot,
    encoding: 'utf8',
    ...(asRoot && { uid: NOBODY, gid: NOBODY }),
  });
  if (run.status !== 0) throw new Error(`the child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

/** A folder the unprivileged user may enter, holding a database made by this process. */
function preparedDatabase(): { folder: string; file: string } {
  const folder = tempDir('election-readonly-');
  const file = path.join(folder, 'election.sqlite');
  openDatabase(file).close();
  fs.chmodSync(folder, 0o777);
  return { folder, file };
}

describe('a database the server cannot write', () => {
  test('a read-only file stops it with one line naming DATABASE_PATH', () => {
    const { file } = preparedDatabase();
    fs.chmodSync(file, 0o444);
    const thrown = openAsUnprivileged(file);
    expect(thrown?.name).toBe('DatabaseNotWritable');
    expect(thrown?.message).toMatch(new RegExp(`^DATABASE_PATH ${file.replaceAll('/', '\\/')} cannot be written \\(SQLITE_READONLY`));
    expect(thrown?.message).not.toContain('\n');
  });

  test('a read-only folder (no room for the write-ahead log) does too', () => {
    const { folder, file } = preparedDatabase();
    fs.chmodSync(file, 0o666);
    fs.chmodSync(folder, 0o555);
    const thrown = openAsUnprivileged(file);
    expect(thrown?.name).toBe('DatabaseNotWritable');
    expect(thrown?.message).toMatch(/^DATABASE_PATH .+ cannot be written \(SQLITE_(READONLY|CANTOPEN)/);
  });

  test('the server itself stops with that one line on stderr and exit code 1', () => {
    const { file } = preparedDatabase();
    fs.chmodSync(file, 0o444);
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server/main.ts')], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_PATH: file, PORT: '0', HOST: '127.0.0.1', CLIENT_DIST: '/nonexistent' },
      timeout: 30_000,
      ...(asRoot && { uid: NOBODY, gid: NOBODY }),
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^DATABASE_PATH .+ cannot be written \(SQLITE_READONLY/)]);
  }, 40_000);

  test('a writable one opens as before', () => {
    const { file } = preparedDatabase();
    fs.chmodSync(file, 0o666);
    expect(openAsUnprivileged(file)).toBeNull();
  });
});
