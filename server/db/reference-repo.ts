/** Reference data for a night beyond the baseline: candidate lists and hex map positions. */
import type { HexLayout, HexMap, HexPosition } from '../../shared/protocol/schemas.ts';
import { latestLists } from './candidate-versions-repo.ts';
import type { Db } from './connection.ts';

export interface CandidateEntry {
  name: string;
  party: string;
}

export function candidatesOf(db: Db, electionId: string): Map<string, CandidateEntry[]> {
  const rows = db
    .prepare('SELECT seat_code, name, party FROM seat_candidates WHERE election_id = ? ORDER BY seat_code, position')
    .all(electionId) as Array<{ seat_code: string } & CandidateEntry>;
  const bySeat = new Map<string, CandidateEntry[]>();
  for (const { seat_code, name, party } of rows) {
    if (!bySeat.has(seat_code)) bySeat.set(seat_code, []);
    bySeat.get(seat_code)!.push({ name, party });
  }
  // PA's nominations, where they came, stand in for the list imported before the night.
  for (const list of latestLists(db, electionId)) bySeat.set(list.seat, list.candidates);
  return bySeat;
}

/** Replaces one seat's candidate list; the caller holds the transaction. */
export function writeCandidates(db: Db, electionId: string, seatCode: string, candidates: readonly CandidateEntry[]): void {
  db.prepare('DELETE FROM seat_candidates WHERE election_id = ? AND seat_code = ?').run(electionId, seatCode);
  const add = db.prepare('INSERT INTO seat_candidates (election_id, seat_code, position, name, party) VALUES (?, ?, ?, ?, ?)');
  candidates.forEach((c, position) => add.run(electionId, seatCode, position, c.name, c.party));
}

export function hexMapOf(db: Db, electionId: string): HexMap | null {
  const map = db.prepare('SELECT layout, source FROM hex_maps WHERE election_id = ?').get(electionId) as
    { layout: HexLayout; source: string } | undefined;
  if (!map) return null;
  const hexes = db
    .prepare('SELECT seat_code AS code, q, r, region FROM hex_positions WHERE election_id = ? ORDER BY seat_code')
    .all(electionId) as (HexPosition & { region: string | null })[];
  return { ...map, hexes: hexes.map(({ region, ...hex }) => (region === null ? hex : { ...hex, region })) };
}

/** Replaces an election's hex map; the caller holds the transaction. */
export function writeHexMap(db: Db, electionId: string, map: HexMap): void {
  db.prepare('DELETE FROM hex_positions WHERE election_id = ?').run(electionId);
  db.prepare(
    `INSERT INTO hex_maps (election_id, layout, source) VALUES (?, ?, ?)
     ON CONFLICT (election_id) DO UPDATE SET layout = excluded.layout, source = excluded.source`,
  ).run(electionId, map.layout, map.source);
  const add = db.prepare('INSERT INTO hex_positions (election_id, seat_code, q, r, region) VALUES (?, ?, ?, ?, ?)');
  for (const h of map.hexes) add.run(electionId, h.code, h.q, h.r, h.region ?? null);
}
