import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../server/config/project-root.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { tempDir } from '../support/server.ts';

const run = promisify(execFile);
const fixture = (name: string) => path.join(projectRoot, 'tests', 'fixtures', name);

async function importCli(db: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...args, '--db', db], {
      cwd: projectRoot,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Every row of every table, hashed: equal digests mean the database content is unchanged. */
function contentDigest(file: string): string {
  const db = openDatabase(file);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const hash = createHash('sha256');
  for (const table of tables.filter((t) => t !== 'schema_migrations')) {
    hash.update(table + JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY id`).all()));
  }
  db.close();
  return hash.digest('hex');
}

describe('npm run import', () => {
  test('imports a baseline and candidate lists, and changes nothing the second time', async () => {
    const db = path.join(tempDir(), 'import.sqlite');
    const first = await importCli(db, 'baseline', '--election', 'fixture-night', '--file', fixture('hoc-candidates-before.csv'));
    expect(first.stdout).toMatch(/fixture-night baseline: \d+ added, 0 changed, 0 unchanged/);
    const candidates = await importCli(db, 'candidates', '--election', 'fixture-night', '--file', fixture('hoc-candidates-after.csv'));
    expect(candidates.code).toBe(0);
    const before = contentDigest(db);

    const again = await importCli(db, 'baseline', '--election', 'fixture-night', '--file', fixture('hoc-candidates-before.csv'));
    expect(again.stdout).toMatch(/fixture-night baseline: 0 added, 0 changed, \d+ unchanged/);
    await importCli(db, 'candidates', '--election', 'fixture-night', '--file', fixture('hoc-candidates-after.csv'));
    expect(contentDigest(db)).toBe(before);
  });

  test('stops at a bad row naming the file, line and field, and leaves the database unchanged', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'import.sqlite');
    await importCli(db, 'baseline', '--election', 'fixture-night', '--file', fixture('hoc-candidates-before.csv'));
    const before = contentDigest(db);
    const lines = fs.readFileSync(fixture('hoc-candidates-after.csv'), 'utf8').split('\n');
    lines[3] = lines[3].replace(/,(\d+),([\d.]*),([^,]*),([^,]*)$/, ',lots,$2,$3,$4');
    const broken = path.join(dir, 'broken.csv');
    fs.writeFileSync(broken, lines.join('\n'));

    const result = await importCli(db, 'candidates', '--election', 'fixture-night', '--file', broken);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("broken.csv line 4, Votes: must be a whole number (got 'lots')");
    expect(result.stderr).toContain('database unchanged');
    expect(contentDigest(db)).toBe(before);
  });

  test('rolls back the whole import when a seat is refused part of the way through', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'import.sqlite');
    await importCli(db, 'baseline', '--election', 'fixture-night', '--file', fixture('hoc-candidates-before.csv'));
    const before = contentDigest(db);
    // The last seat of this file is on no boundary the baseline knows.
    const text = fs.readFileSync(fixture('hoc-candidates-after.csv'), 'utf8').trimEnd();
    const last = text
      .split('\n')
      .at(-1)!
      .replace(/^[EWSN]\d{8}/, 'E14999999');
    const file = path.join(dir, 'unknown-seat.csv');
    fs.writeFileSync(file, `${text}\n${last}\n`);

    const result = await importCli(db, 'candidates', '--election', 'fixture-night', '--file', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('E14999999');
    expect(contentDigest(db)).toBe(before);
  });
});
