/** Opens the SQLite file and brings its schema up to date. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const migrationsDir = path.join(import.meta.dirname, 'migrations');

/** The database file (or its folder) cannot be written: one line naming DATABASE_PATH, for the operator. */
export class DatabaseNotWritable extends Error {
  override name = 'DatabaseNotWritable';
}

export function openDatabase(file: string): Db {
  try {
    return openWritable(file);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!/^(SQLITE_READONLY|SQLITE_CANTOPEN|EACCES|EROFS|EPERM)/.test(code)) throw error;
    throw new DatabaseNotWritable(
      `DATABASE_PATH ${path.resolve(file)} cannot be written (${code}): the server needs to write this file and its folder; ` +
        `fix their owner or permissions, or set DATABASE_PATH to a writable file`,
    );
  }
}

function openWritable(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a commit is fsynced to the WAL before it returns, so a 201 means on disk,
  // surviving a crash of the process and of the machine.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  applyMigrations(db);
  // A file that may be read but not written opens without complaint and fails at the first write: find out now.
  db.exec('BEGIN IMMEDIATE');
  try {
    db.pragma(`user_version = ${Number(db.pragma('user_version', { simple: true }))}`);
  } catch (error) {
    db.close();
    throw error;
  } finally {
    if (db.open) db.exec('ROLLBACK');
  }
  return db;
}

/** Numbered .sql files, each applied once, in order, in its own transaction. */
export function applyMigrations(db: Db): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
  const pending = fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{4}-.*\.sql$/.test(f) && !applied.has(f))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const name of pending) {
    const sql = fs.readFileSync(path.join(migrationsDir, name), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run(name, new Date().toISOString());
    })();
  }
  return pending;
}
