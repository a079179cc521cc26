/**
 * One writer per database. The 409 and basedOnVersion checks read each
 * process's own cache of the night, so two servers on one file would both
 * accept the same seat. The server takes an exclusive SQLite lock on a file
 * beside the database (`<DATABASE_PATH>.writer-lock`) for its whole life; a
 * second server finds it held and refuses to start. The operating system
 * drops the lock when the process ends, however it ends (a SIGKILL too),
 * so a restart after a crash is never blocked.
 */
import Database from 'better-sqlite3';

export interface WriterLock {
  file: string;
  release(): void;
}

export class DatabaseInUseError extends Error {}

export function acquireWriterLock(databasePath: string, pid = process.pid): WriterLock | null {
  if (databasePath === ':memory:') return null;
  const file = `${databasePath}.writer-lock`;
  const lock = new Database(file, { timeout: 0 });
  try {
    // EXCLUSIVE locking mode keeps the lock taken by the first write until the connection closes.
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    lock
      .transaction(() => {
        lock.exec('DELETE FROM holder');
        lock.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(pid, new Date().toISOString());
      })
      .exclusive();
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new DatabaseInUseError(
        `DATABASE_PATH ${databasePath} is in use by another server (its lock ${file} is held): one writer per database. ` +
          'Stop the other server, or scale out with npm run start:writer and start:fanout (README, "Batching and scaling out").',
      );
    }
    throw error;
  }
  return { file, release: () => lock.close() };
}
