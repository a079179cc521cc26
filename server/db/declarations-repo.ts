/** Declaration versions: appended, never updated or deleted. */
import type { DeclarationInput, RushInput, VersionKind } from '../../shared/protocol/schemas.ts';
import type { Db } from './connection.ts';
import { statement } from './statements.ts';

export interface VersionRow {
  id: number;
  election_id: string;
  seat_code: string;
  version: number;
  kind: VersionKind;
  declaration_json: string | null;
  reason: string | null;
  entered_by: string;
  entered_at: string;
  seq: number;
  line: string;
  /** The second editor who confirmed it, where the election requires one. */
  confirmed_by: string | null;
}

export interface NewVersion {
  electionId: string;
  seatCode: string;
  kind: VersionKind;
  /** A declaration's figures, or a rush's winner ('rushed'). */
  declaration: Omit<DeclarationInput, 'seat'> | RushInput | null;
  reason: string | null;
  enteredBy: string;
  confirmedBy?: string | null;
  enteredAt: string;
}

/** The newest version of every seat that has one. */
export function latestVersions(db: Db, electionId: string): VersionRow[] {
  return statement(
    db,
    `SELECT v.* FROM declaration_versions v
       JOIN (SELECT seat_code, MAX(version) AS version FROM declaration_versions
             WHERE election_id = ? GROUP BY seat_code) latest
         ON latest.seat_code = v.seat_code AND latest.version = v.version
       WHERE v.election_id = ?`,
  ).all(electionId, electionId) as VersionRow[];
}

export function versionsOfSeat(db: Db, electionId: string, seatCode: string): VersionRow[] {
  return statement(db, 'SELECT * FROM declaration_versions WHERE election_id = ? AND seat_code = ? ORDER BY version').all(
    electionId,
    seatCode,
  ) as VersionRow[];
}

export function versionsSince(db: Db, electionId: string, afterSeq: number): VersionRow[] {
  return statement(db, 'SELECT * FROM declaration_versions WHERE election_id = ? AND seq > ? ORDER BY seq').all(
    electionId,
    afterSeq,
  ) as VersionRow[];
}

/**
 * Appends a version with the seat's next version number and the election's
 * next sequence number, in one transaction: both or neither. The line is
 * written from the row as it will be stored.
 */
export function appendVersion(db: Db, v: NewVersion, lineFor: (row: VersionRow) => string): VersionRow {
  return db
    .transaction((): VersionRow => {
      const { seq } = statement(db, 'UPDATE elections SET last_seq = last_seq + 1 WHERE election_id = ? RETURNING last_seq AS seq').get(
        v.electionId,
      ) as { seq: number };
      const { version } = statement(
        db,
        'SELECT COALESCE(MAX(version), 0) + 1 AS version FROM declaration_versions WHERE election_id = ? AND seat_code = ?',
      ).get(v.electionId, v.seatCode) as { version: number };
      const row: VersionRow = {
        id: 0,
        election_id: v.electionId,
        seat_code: v.seatCode,
        version,
        kind: v.kind,
        declaration_json: v.declaration ? JSON.stringify(v.declaration) : null,
        reason: v.reason,
        entered_by: v.enteredBy,
        entered_at: v.enteredAt,
        seq,
        line: '',
        confirmed_by: v.confirmedBy ?? null,
      };
      row.line = lineFor(row);
      return statement(
        db,
        `INSERT INTO declaration_versions
           (election_id, seat_code, version, kind, declaration_json, reason, entered_by, entered_at, seq, line, confirmed_by)
         VALUES (@election_id, @seat_code, @version, @kind, @declaration_json, @reason, @entered_by, @entered_at,
           @seq, @line, @confirmed_by)
         RETURNING *`,
      ).get(row) as VersionRow;
    })
    .immediate();
}

/** Every version of an election, for the audit trail. */
export function allVersions(db: Db, electionId: string): VersionRow[] {
  return statement(db, 'SELECT * FROM declaration_versions WHERE election_id = ? ORDER BY seq').all(electionId) as VersionRow[];
}

/** When change `seq` of an election was entered, or null before its first. */
export function enteredAtOfSeq(db: Db, electionId: string, seq: number): string | null {
  return (
    (statement(db, 'SELECT entered_at FROM declaration_versions WHERE election_id = ? AND seq = ?').pluck().get(electionId, seq) as
      string | undefined) ?? null
  );
}
