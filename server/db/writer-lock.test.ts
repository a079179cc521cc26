import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { acquireWriterLock, DatabaseInUseError } from './writer-lock.ts';

const databasePath = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'writer-lock-')), 'election.sqlite');

describe('one writer per database', () => {
  test('a second writer on the same database is refused, naming DATABASE_PATH', () => {
    const file = databasePath();
    const first = acquireWriterLock(file)!;
    expect(() => acquireWriterLock(file)).toThrow(DatabaseInUseError);
    expect(() => acquireWriterLock(file)).toThrow(/DATABASE_PATH .*election\.sqlite is in use by another server/);
    first.release();
  });

  test('once the first writer lets go, the next one takes the lock', () => {
    const file = databasePath();
    acquireWriterLock(file)!.release();
    const next = acquireWriterLock(file);
    expect(next).not.toBeNull();
    next!.release();
  });

  test('writers on different databases do not meet', () => {
    const a = acquireWriterLock(databasePath())!;
    const b = acquireWriterLock(databasePath())!;
    a.release();
    b.release();
  });
});
