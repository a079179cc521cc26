/** The exit poll's versions: appended, never updated or deleted. */
import { ExitPoll, type ExitPollInput } from '../../shared/protocol/schemas.ts';
import type { Db } from './connection.ts';

interface ExitPollRow {
  version: number;
  poll_json: string;
  entered_by: string;
  entered_at: string;
}

const fromRow = (row: ExitPollRow): ExitPoll =>
  ExitPoll.parse({ ...JSON.parse(row.poll_json), version: row.version, enteredBy: row.entered_by, enteredAt: row.entered_at });

export function latestExitPoll(db: Db, electionId: string): ExitPoll | null {
  const row = db
    .prepare('SELECT version, poll_json, entered_by, entered_at FROM exit_polls WHERE election_id = ? ORDER BY version DESC LIMIT 1')
    .get(electionId) as ExitPollRow | undefined;
  return row ? fromRow(row) : null;
}

export function exitPollVersions(db: Db, electionId: string): ExitPoll[] {
  const rows = db
    .prepare('SELECT version, poll_json, entered_by, entered_at FROM exit_polls WHERE election_id = ? ORDER BY version')
    .all(electionId) as ExitPollRow[];
  return rows.map(fromRow);
}

/** The next version, in one transaction with reading the last. */
export function appendExitPoll(db: Db, electionId: string, poll: ExitPollInput, enteredBy: string, enteredAt: string): ExitPoll {
  return db.transaction(() => {
    const last = db.prepare('SELECT MAX(version) FROM exit_polls WHERE election_id = ?').pluck().get(electionId) as number | null;
    const version = (last ?? 0) + 1;
    db.prepare('INSERT INTO exit_polls (election_id, version, poll_json, entered_by, entered_at) VALUES (?, ?, ?, ?, ?)').run(
      electionId,
      version,
      JSON.stringify(poll),
      enteredBy,
      enteredAt,
    );
    return { ...poll, version, enteredBy, enteredAt };
  }).immediate();
}
