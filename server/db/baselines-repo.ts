/** Elections, seats, parties and party continuity: the night's fixed data. */
import {
  DEFAULT_SCREEN,
  Election,
  type ElectionMode,
  Party,
  ScreenSettings,
  PartyContinuity,
  Seat,
  SeatBaseline,
  SeatNote,
} from '../../shared/protocol/schemas.ts';
import type { Db } from './connection.ts';
import { z } from 'zod';

interface ElectionRow {
  election_id: string;
  name: string;
  kind: string;
  total_seats: number;
  baseline_name: string;
  polling_day: string | null;
  mode: string;
  last_seq: number;
  screen_json: string | null;
  count_json: string | null;
}

interface SeatRow {
  code: string;
  name: string;
  baseline_json: string;
  held_at_dissolution_json: string | null;
  notes_json: string;
  source: string;
}

export function electionFromRow(row: ElectionRow): Election {
  return Election.parse({
    id: row.election_id,
    name: row.name,
    kind: row.kind,
    ...(row.count_json && { count: JSON.parse(row.count_json) }),
    totalSeats: row.total_seats,
    baselineName: row.baseline_name,
    pollingDay: row.polling_day ?? undefined,
    mode: row.mode,
  });
}

function seatFromRow(row: SeatRow): Seat {
  return {
    code: row.code,
    name: row.name,
    baseline: SeatBaseline.parse(JSON.parse(row.baseline_json)),
    heldAtDissolution: row.held_at_dissolution_json ? JSON.parse(row.held_at_dissolution_json) : undefined,
    notes: z.array(SeatNote).parse(JSON.parse(row.notes_json)),
    source: row.source,
  };
}

export function readScreen(db: Db, electionId: string): ScreenSettings {
  const row = db.prepare('SELECT screen_json FROM elections WHERE election_id = ?').get(electionId) as
    { screen_json: string | null } | undefined;
  return row?.screen_json ? ScreenSettings.parse(JSON.parse(row.screen_json)) : DEFAULT_SCREEN;
}

export function writeScreen(db: Db, electionId: string, screen: ScreenSettings): void {
  db.prepare('UPDATE elections SET screen_json = ? WHERE election_id = ?').run(JSON.stringify(screen), electionId);
}

export function writeMode(db: Db, electionId: string, mode: ElectionMode): void {
  db.prepare('UPDATE elections SET mode = ? WHERE election_id = ?').run(mode, electionId);
}

/** Whether an election's entries wait for a second editor (the desk's confirmation setting). */
export function readRequireConfirmation(db: Db, electionId: string): boolean {
  return db.prepare('SELECT require_confirmation FROM elections WHERE election_id = ?').pluck().get(electionId) === 1;
}

export function writeRequireConfirmation(db: Db, electionId: string, on: boolean): void {
  db.prepare('UPDATE elections SET require_confirmation = ? WHERE election_id = ?').run(on ? 1 : 0, electionId);
}

export function listElections(db: Db): Array<Election & { lastSeq: number }> {
  const rows = db.prepare('SELECT * FROM elections ORDER BY id').all() as ElectionRow[];
  return rows.map((row) => ({ ...electionFromRow(row), lastSeq: row.last_seq }));
}

export function findElection(db: Db, electionId: string): (Election & { lastSeq: number }) | null {
  const row = db.prepare('SELECT * FROM elections WHERE election_id = ?').get(electionId) as ElectionRow | undefined;
  return row ? { ...electionFromRow(row), lastSeq: row.last_seq } : null;
}

export function seatsOf(db: Db, electionId: string): Seat[] {
  const rows = db.prepare('SELECT * FROM seats WHERE election_id = ? ORDER BY name').all(electionId) as SeatRow[];
  return rows.map(seatFromRow);
}

/** Adds an election and its seats; an election already present is left as it is. */
export function insertElectionIfMissing(db: Db, election: Election, seats: readonly Seat[]): boolean {
  if (findElection(db, election.id)) return false;
  db.transaction(() => {
    insertElection(db, election);
    for (const seat of seats) writeSeat(db, election.id, seat);
  })();
  return true;
}

/** Replaces one seat's baseline, notes and source; the caller holds the transaction. */
export function writeSeat(db: Db, electionId: string, seat: Seat): void {
  db.prepare(
    `INSERT INTO seats (election_id, code, name, baseline_json, held_at_dissolution_json, notes_json, source)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (election_id, code) DO UPDATE SET name = excluded.name, baseline_json = excluded.baseline_json,
       held_at_dissolution_json = excluded.held_at_dissolution_json, notes_json = excluded.notes_json, source = excluded.source`,
  ).run(
    electionId,
    seat.code,
    seat.name,
    JSON.stringify(seat.baseline),
    seat.heldAtDissolution ? JSON.stringify(seat.heldAtDissolution) : null,
    JSON.stringify(seat.notes),
    seat.source,
  );
}

export function insertElection(db: Db, election: Election): void {
  db.prepare(
    `INSERT INTO elections (election_id, name, kind, total_seats, baseline_name, polling_day, mode, count_json)
     VALUES (@id, @name, @kind, @totalSeats, @baselineName, @pollingDay, @mode, @countJson)`,
  ).run({
    id: election.id,
    name: election.name,
    kind: election.kind,
    totalSeats: election.totalSeats,
    baselineName: election.baselineName,
    pollingDay: election.pollingDay ?? null,
    mode: election.mode,
    countJson: election.count ? JSON.stringify(election.count) : null,
  });
}

export function hasDeclarations(db: Db, electionId: string): boolean {
  return db.prepare('SELECT 1 FROM declaration_versions WHERE election_id = ? LIMIT 1').get(electionId) !== undefined;
}

export function listParties(db: Db): Party[] {
  return db.prepare('SELECT code, name, colour FROM parties ORDER BY code').all() as Party[];
}

/** Parties new to the database are added; ones an editor already has are kept as they are. */
export function addMissingParties(db: Db, parties: readonly Party[]): void {
  const add = db.prepare('INSERT OR IGNORE INTO parties (code, name, colour) VALUES (@code, @name, @colour)');
  db.transaction(() => parties.forEach((p) => add.run(p)))();
}

export function readContinuity(db: Db): PartyContinuity {
  const rows = db.prepare('SELECT code, kind, target FROM party_continuity').all() as Array<{
    code: string;
    kind: 'alias' | 'successor';
    target: string;
  }>;
  const continuity: PartyContinuity = { aliases: {}, successors: {} };
  for (const r of rows) (r.kind === 'alias' ? continuity.aliases : continuity.successors)[r.code] = r.target;
  return continuity;
}

/** The row for one code, if the table has it. */
export function continuityOf(db: Db, code: string): { kind: 'alias' | 'successor'; target: string } | null {
  return (
    (db.prepare('SELECT kind, target FROM party_continuity WHERE code = ?').get(code) as
      { kind: 'alias' | 'successor'; target: string } | undefined) ?? null
  );
}

export function addContinuity(db: Db, code: string, kind: 'alias' | 'successor', target: string): void {
  db.prepare('INSERT INTO party_continuity (code, kind, target) VALUES (?, ?, ?)').run(code, kind, target);
}

export function addMissingContinuity(db: Db, continuity: PartyContinuity): void {
  const add = db.prepare('INSERT OR IGNORE INTO party_continuity (code, kind, target) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const [code, target] of Object.entries(continuity.aliases)) add.run(code, 'alias', target);
    for (const [code, target] of Object.entries(continuity.successors)) add.run(code, 'successor', target);
  })();
}
