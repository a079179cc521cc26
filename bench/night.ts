/**
 * Bench helpers shared by the fan-out bench: a database with the 2019 night
 * imported with its candidate lists, as a newsroom has them before polls close
 * (nothing declared yet), its results, and the server as a child process.
 */
import path from 'node:path';
import { PRESETS } from '../server/cli/presets.ts';
import { dataFile } from '../server/config/data-dir.ts';
import { openDatabase } from '../server/db/connection.ts';
import { readHocCandidates, type SeatResult } from '../server/import/hoc-candidates.ts';
import { readBaselineSeats } from '../server/import/night-files.ts';
import { importBaseline, importCandidates } from '../server/services/import-service.ts';
import { tempDir } from '../tests/support/server.ts';

export const BENCH_TOKEN = 'bench-token-0123456789abcdef';

export function night2019(): { dbPath: string; results: SeatResult[] } {
  const preset = PRESETS.ge2019;
  const dbPath = path.join(tempDir('election-bench-'), 'night.sqlite');
  const db = openDatabase(dbPath);
  importBaseline(db, preset.election, readBaselineSeats(dataFile(preset.baseline)));
  const results = readHocCandidates(dataFile(preset.results));
  importCandidates(db, preset.election.id, results);
  db.close();
  return { dbPath, results };
}

export async function declare(url: string, seat: SeatResult): Promise<{ seq: number }> {
  const response = await fetch(`${url}/api/elections/ge2019/declarations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
    body: JSON.stringify({ seat: seat.code, candidates: seat.candidates, source: 'replay' }),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`declaring ${seat.code}: ${response.status} ${text}`);
  return JSON.parse(text) as { seq: number };
}

/** Every result posted one at a time, each as soon as the one before is acknowledged: each request's time, and the whole. */
export async function enterNight(url: string, results: readonly SeatResult[]): Promise<{ each: number[]; totalMs: number }> {
  const each: number[] = [];
  const started = performance.now();
  for (const seat of results) {
    const t = performance.now();
    await declare(url, seat);
    each.push(performance.now() - t);
  }
  return { each, totalMs: performance.now() - started };
}
