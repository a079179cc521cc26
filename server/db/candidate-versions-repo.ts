/**
 * Candidate lists as PA's nominations give them (migration 0012): each a new version of the seat's
 * list, none deleted; the newest stands in for the list imported before the night.
 */
import type { Db } from './connection.ts';
import { statement } from './statements.ts';
import type { CandidateEntry } from './reference-repo.ts';

export interface CandidateListVersion {
  seat: string;
  version: number;
  candidates: CandidateEntry[];
  source: string;
  enteredBy: string;
  enteredAt: string;
}

interface Row {
  seat_code: string;
  version: number;
  candidates_json: string;
  source: string;
  entered_by: string;
  entered_at: string;
}

const asVersion = (r: Row): CandidateListVersion => ({
  seat: r.seat_code,
  version: r.version,
  candidates: JSON.parse(r.candidates_json) as CandidateEntry[],
  source: r.source,
  enteredBy: r.entered_by,
  enteredAt: r.entered_at,
});

/** The newest list of every seat that has one. */
export function latestLists(db: Db, electionId: string): CandidateListVersion[] {
  return (
    db
      .prepare(
        `SELECT v.* FROM seat_candidate_versions v
         JOIN (SELECT seat_code, MAX(version) AS version FROM seat_candidate_versions WHERE election_id = ? GROUP BY seat_code) latest
           ON latest.seat_code = v.seat_code AND latest.version = v.version
         WHERE v.election_id = ?`,
      )
      .all(electionId, electionId) as Row[]
  ).map(asVersion);
}

export function listVersions(db: Db, electionId: string, seatCode: string): CandidateListVersion[] {
  return (
    db
      .prepare('SELECT * FROM seat_candidate_versions WHERE election_id = ? AND seat_code = ? ORDER BY version')
      .all(electionId, seatCode) as Row[]
  ).map(asVersion);
}

/** Appends the seat's next list; the caller holds the transaction. */
export function appendList(
  db: Db,
  electionId: string,
  seatCode: string,
  candidates: readonly CandidateEntry[],
  source: string,
  enteredBy: string,
  enteredAt: string,
): number {
  const { version } = db
    .prepare('SELECT COALESCE(MAX(version), 0) + 1 AS version FROM seat_candidate_versions WHERE election_id = ? AND seat_code = ?')
    .get(electionId, seatCode) as { version: number };
  db.prepare(
    'INSERT INTO seat_candidate_versions (election_id, seat_code, version, candidates_json, source, entered_by, entered_at) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    electionId,
    seatCode,
    version,
    JSON.stringify(candidates.map(({ name, party }) => ({ name, party }))),
    source,
    enteredBy,
    enteredAt,
  );
  return version;
}

/** One seat's list as the desk offers it: its newest version, else the list imported before the night. */
export function currentList(db: Db, electionId: string, seatCode: string): CandidateEntry[] {
  const latest = statement(
    db,
    'SELECT candidates_json FROM seat_candidate_versions WHERE election_id = ? AND seat_code = ? ORDER BY version DESC LIMIT 1',
  )
    .pluck()
    .get(electionId, seatCode) as string | undefined;
  if (latest !== undefined) return JSON.parse(latest) as CandidateEntry[];
  return statement(db, 'SELECT name, party FROM seat_candidates WHERE election_id = ? AND seat_code = ? ORDER BY position').all(
    electionId,
    seatCode,
  ) as CandidateEntry[];
}
