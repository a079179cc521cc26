/**
 * Imports into the database, each all or nothing in one transaction: a bad
 * row has already stopped the parse, and a refusal here rolls everything back.
 * Importing the same file twice changes nothing.
 */
import type { Election, Seat } from '../../shared/protocol/schemas.ts';
import * as baselines from '../db/baselines-repo.ts';
import type { Db } from '../db/connection.ts';
import * as reference from '../db/reference-repo.ts';
import { matchHexesToSeats, type HexJsonMap } from '../import/hexjson.ts';
import type { SeatResult } from '../import/hoc-candidates.ts';

export interface ImportSummary {
  election: string;
  what: 'baseline' | 'candidates' | 'hex map';
  added: number;
  changed: number;
  unchanged: number;
  warnings: string[];
}

export type Progress = (done: number, total: number) => void;

export class ImportRefused extends Error {}

/** Compares as stored JSON, whatever order the keys were built in. */
const sortedKeys = (_key: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
    : value;
const same = (a: unknown, b: unknown) => JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);

export function importBaseline(db: Db, election: Election, seats: readonly Seat[], progress: Progress = () => {}): ImportSummary {
  const summary: ImportSummary = { election: election.id, what: 'baseline', added: 0, changed: 0, unchanged: 0, warnings: [] };
  db.transaction(() => {
    const existing = baselines.findElection(db, election.id);
    if (!existing) baselines.insertElection(db, election);
    const stored = new Map(existing ? baselines.seatsOf(db, election.id).map((s) => [s.code, s]) : []);
    const locked = existing !== null && baselines.hasDeclarations(db, election.id);
    seats.forEach((seat, i) => {
      const before = stored.get(seat.code);
      if (before && same(before, seat)) {
        summary.unchanged++;
      } else {
        if (before && locked) {
          // A baseline changed under declared results would silently change their HOLD/GAIN labels.
          throw new ImportRefused(
            `${election.id} already has declarations; ${seat.name} (${seat.code}) has a different baseline in this file. Import it as a ` +
              `new election instead.`,
          );
        }
        baselines.writeSeat(db, election.id, seat);
        if (before) summary.changed++;
        else summary.added++;
      }
      progress(i + 1, seats.length);
    });
  })();
  return summary;
}

function knownSeats(db: Db, electionId: string): Set<string> {
  if (!baselines.findElection(db, electionId)) {
    throw new ImportRefused(`no election "${electionId}": import its baseline first`);
  }
  return new Set(baselines.seatsOf(db, electionId).map((s) => s.code));
}

/** The coming election's candidates (names and parties; any votes in the file are ignored). */
export function importCandidates(db: Db, electionId: string, results: readonly SeatResult[], progress: Progress = () => {}): ImportSummary {
  const summary: ImportSummary = { election: electionId, what: 'candidates', added: 0, changed: 0, unchanged: 0, warnings: [] };
  db.transaction(() => {
    const seats = knownSeats(db, electionId);
    const stored = reference.candidatesOf(db, electionId);
    results.forEach((result, i) => {
      if (!seats.has(result.code)) {
        throw new ImportRefused(`${result.name} (${result.code}) is not a seat of ${electionId}: is this file on the same boundaries?`);
      }
      const candidates = result.candidates.map(({ name, party }) => ({ name, party }));
      const before = stored.get(result.code);
      if (before && same(before, candidates)) summary.unchanged++;
      else {
        reference.writeCandidates(db, electionId, result.code, candidates);
        if (before) summary.changed++;
        else summary.added++;
      }
      progress(i + 1, results.length);
    });
  })();
  return summary;
}

export function importHexMap(db: Db, electionId: string, map: HexJsonMap, source: string, progress: Progress = () => {}): ImportSummary {
  const summary: ImportSummary = { election: electionId, what: 'hex map', added: 0, changed: 0, unchanged: 0, warnings: [] };
  db.transaction(() => {
    const seats = knownSeats(db, electionId);
    // Published maps lag behind code changes (the 2024 map keeps five old Scottish codes): join by name where the code is unknown.
    const joined = matchHexesToSeats(map, baselines.seatsOf(db, electionId));
    for (const r of joined.rekeyed) summary.warnings.push(`${r.name}: the map's ${r.from} is taken as ${r.to}`);
    const hexes = joined.map.hexes
      .filter((h) => seats.has(h.code))
      .map(({ code, q, r, region }) => ({ code, q, r, ...(region ? { region } : {}) }));
    const missing = [...seats].filter((code) => !hexes.some((h) => h.code === code));
    if (hexes.length < map.hexes.length)
      summary.warnings.push(`${map.hexes.length - hexes.length} hexes are not seats of ${electionId} and were left out`);
    if (missing.length > 0) summary.warnings.push(`${missing.length} seats have no hex on this map (first: ${missing[0]})`);
    const next = { layout: map.layout, source, hexes: hexes.sort((a, b) => a.code.localeCompare(b.code)) };
    const before = reference.hexMapOf(db, electionId);
    if (before && same(before, next)) summary.unchanged = hexes.length;
    else {
      reference.writeHexMap(db, electionId, next);
      if (before) summary.changed = hexes.length;
      else summary.added = hexes.length;
    }
    progress(hexes.length, hexes.length);
  })();
  return summary;
}
