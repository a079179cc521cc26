/** Entries awaiting a second editor: rows of their own, resolved and never deleted. */
import type { Db } from './connection.ts';

export interface PendingRow {
  id: number;
  election_id: string;
  seat_code: string;
  kind: 'declared' | 'corrected';
  based_on_version: number;
  declaration_json: string;
  reason: string | null;
  entered_by: string;
  /** The named person behind the entry, or null (a token that acts for no one). */
  entered_by_person: string | null;
  entered_at: string;
  status: 'pending' | 'confirmed' | 'superseded';
  resolved_by: string | null;
  resolved_at: string | null;
  published_seq: number | null;
}

export function openEntries(db: Db, electionId: string): PendingRow[] {
  return db
    .prepare("SELECT * FROM pending_entries WHERE election_id = ? AND status = 'pending' ORDER BY id")
    .all(electionId) as PendingRow[];
}

export function allEntries(db: Db, electionId: string): PendingRow[] {
  return db.prepare('SELECT * FROM pending_entries WHERE election_id = ? ORDER BY id').all(electionId) as PendingRow[];
}

export function findEntry(db: Db, electionId: string, id: number): PendingRow | null {
  return (
    (db.prepare('SELECT * FROM pending_entries WHERE election_id = ? AND id = ?').get(electionId, id) as PendingRow | undefined) ?? null
  );
}

/** Holds a new entry, superseding any entry still open for the same seat. */
export function holdEntry(
  db: Db,
  e: Pick<
    PendingRow,
    | 'election_id'
    | 'seat_code'
    | 'kind'
    | 'based_on_version'
    | 'declaration_json'
    | 'reason'
    | 'entered_by'
    | 'entered_by_person'
    | 'entered_at'
  >,
): PendingRow {
  return db
    .transaction((): PendingRow => {
      db.prepare(
        `UPDATE pending_entries SET status = 'superseded', resolved_by = ?, resolved_at = ?
       WHERE election_id = ? AND seat_code = ? AND status = 'pending'`,
      ).run(e.entered_by, e.entered_at, e.election_id, e.seat_code);
      return db
        .prepare(
          `INSERT INTO pending_entries
           (election_id, seat_code, kind, based_on_version, declaration_json, reason, entered_by, entered_by_person, entered_at)
         VALUES (@election_id, @seat_code, @kind, @based_on_version, @declaration_json, @reason, @entered_by,
           @entered_by_person, @entered_at)
         RETURNING *`,
        )
        .get(e) as PendingRow;
    })
    .immediate();
}

export function resolveEntry(
  db: Db,
  id: number,
  r: { status: 'confirmed' | 'superseded'; by: string; at: string; seq: number | null },
): void {
  db.prepare(
    "UPDATE pending_entries SET status = ?, resolved_by = ?, resolved_at = ?, published_seq = ? WHERE id = ? AND status = 'pending'",
  ).run(r.status, r.by, r.at, r.seq, id);
}

/** Open entries on a seat that a direct change (recount, withdrawal, unconfirmed write) has overtaken. */
export function supersedeSeat(db: Db, electionId: string, seatCode: string, by: string, at: string): number {
  return db
    .prepare(
      `UPDATE pending_entries SET status = 'superseded', resolved_by = ?, resolved_at = ?
       WHERE election_id = ? AND seat_code = ? AND status = 'pending'`,
    )
    .run(by, at, electionId, seatCode).changes;
}
