/** The night's inputs (the exit poll, the expected declaration times): versions appended, never updated or deleted. */
import type { Db } from './connection.ts';

export type NightInputKind = 'exit-poll' | 'expected-times' | 'seats-to-watch';

export interface NightInputVersion {
  version: number;
  body: unknown;
  enteredBy: string;
  enteredAt: string;
}

interface Row {
  version: number;
  body_json: string;
  entered_by: string;
  entered_at: string;
}

const fromRow = (row: Row): NightInputVersion => ({
  version: row.version,
  body: JSON.parse(row.body_json),
  enteredBy: row.entered_by,
  enteredAt: row.entered_at,
});

const COLUMNS = 'SELECT version, body_json, entered_by, entered_at FROM night_inputs WHERE election_id = ? AND kind = ?';

export function latestInput(db: Db, electionId: string, kind: NightInputKind): NightInputVersion | null {
  const row = db.prepare(`${COLUMNS} ORDER BY version DESC LIMIT 1`).get(electionId, kind) as Row | undefined;
  return row ? fromRow(row) : null;
}

export function inputVersions(db: Db, electionId: string, kind: NightInputKind): NightInputVersion[] {
  return (db.prepare(`${COLUMNS} ORDER BY version`).all(electionId, kind) as Row[]).map(fromRow);
}

/** The next version, in one transaction with reading the last. */
export function appendInput(
  db: Db,
  electionId: string,
  kind: NightInputKind,
  body: unknown,
  enteredBy: string,
  enteredAt: string,
): NightInputVersion {
  return db
    .transaction(() => {
      const last = db.prepare('SELECT MAX(version) FROM night_inputs WHERE election_id = ? AND kind = ?').pluck().get(electionId, kind) as
        number | null;
      const version = (last ?? 0) + 1;
      db.prepare('INSERT INTO night_inputs (election_id, kind, version, body_json, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        electionId,
        kind,
        version,
        JSON.stringify(body),
        enteredBy,
        enteredAt,
      );
      return { version, body, enteredBy, enteredAt };
    })
    .immediate();
}
