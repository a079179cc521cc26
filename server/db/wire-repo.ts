/** PA wire files settled per election (migration 0010): inserted once, resolved, never deleted. */
import type { WirePublish } from '../../shared/protocol/wire.ts';
import type { Db } from './connection.ts';
import { statement } from './statements.ts';

export interface WireFileRow {
  id: number;
  election_id: string;
  name: string;
  kind: 'nominations' | 'result' | 'rush' | 'recount' | 'SOP';
  seat_code: string | null;
  revision: number;
  outcome: 'applied' | 'skipped' | 'held';
  note: string;
  message_json: string;
  received_at: string;
  published_seq: number | null;
  held_for: 'confirm' | 'disagree' | null;
  resolution: 'published' | 'kept-desk' | 'superseded' | null;
  resolved_by: string | null;
  resolved_at: string | null;
  resolution_note: string | null;
}

export type NewWireFile = Pick<
  WireFileRow,
  'election_id' | 'name' | 'kind' | 'seat_code' | 'revision' | 'outcome' | 'note' | 'message_json' | 'received_at'
> &
  Partial<Pick<WireFileRow, 'published_seq' | 'held_for'>>;

export function insertFile(db: Db, row: NewWireFile): WireFileRow {
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO wire_files
       (election_id, name, kind, seat_code, revision, outcome, note, message_json, received_at, published_seq, held_for)
       VALUES (@election_id, @name, @kind, @seat_code, @revision, @outcome, @note, @message_json, @received_at, @published_seq, @held_for)`,
  ).run({ published_seq: null, held_for: null, ...row });
  return statement(db, 'SELECT * FROM wire_files WHERE id = ?').get(lastInsertRowid) as WireFileRow;
}

export function setPublishedSeq(db: Db, id: number, seq: number): void {
  statement(db, 'UPDATE wire_files SET published_seq = ? WHERE id = ?').run(seq, id);
}

export function resolve(
  db: Db,
  id: number,
  r: { resolution: NonNullable<WireFileRow['resolution']>; by: string; at: string; note: string | null; seq?: number | null },
): void {
  statement(
    db,
    'UPDATE wire_files SET resolution = ?, resolved_by = ?, resolved_at = ?, resolution_note = ?, ' +
      'published_seq = COALESCE(?, published_seq) WHERE id = ?',
  ).run(r.resolution, r.by, r.at, r.note, r.seq ?? null, id);
}

export const fileNames = (db: Db, electionId: string): string[] =>
  statement(db, 'SELECT name FROM wire_files WHERE election_id = ?').pluck().all(electionId) as string[];

export const allFiles = (db: Db, electionId: string): WireFileRow[] =>
  statement(db, 'SELECT * FROM wire_files WHERE election_id = ? ORDER BY id').all(electionId) as WireFileRow[];

export const findFile = (db: Db, electionId: string, id: number): WireFileRow | null =>
  (statement(db, 'SELECT * FROM wire_files WHERE election_id = ? AND id = ?').get(electionId, id) as WireFileRow | undefined) ?? null;

/** The highest revision of this kind settled for the seat (or for the state of parties), or 0. */
export function highestRevision(db: Db, electionId: string, kind: WireFileRow['kind'], seatCode: string | null): number {
  return (
    (statement(db, 'SELECT MAX(revision) FROM wire_files WHERE election_id = ? AND kind = ? AND seat_code IS ?')
      .pluck()
      .get(electionId, kind, seatCode) as number | null) ?? 0
  );
}

export const openHolds = (db: Db, electionId: string): WireFileRow[] =>
  statement(db, "SELECT * FROM wire_files WHERE election_id = ? AND outcome = 'held' AND resolution IS NULL ORDER BY id").all(
    electionId,
  ) as WireFileRow[];

export function readPublish(db: Db, electionId: string): WirePublish {
  return statement(db, 'SELECT wire_publish FROM elections WHERE election_id = ?').pluck().get(electionId) as WirePublish;
}

export function writePublish(db: Db, electionId: string, publish: WirePublish): void {
  statement(db, 'UPDATE elections SET wire_publish = ? WHERE election_id = ?').run(publish, electionId);
}

export function counts(db: Db, electionId: string): { applied: number; skipped: number; held: number } {
  const rows = statement(db, 'SELECT outcome, COUNT(*) AS n FROM wire_files WHERE election_id = ? GROUP BY outcome').all(
    electionId,
  ) as Array<{ outcome: string; n: number }>;
  const of = (o: string) => rows.find((r) => r.outcome === o)?.n ?? 0;
  return { applied: of('applied'), skipped: of('skipped'), held: of('held') };
}
