/**
 * Bench helpers: for the fan-out bench, a database with the 2019 night
 * imported with its candidate lists, as a newsroom has them before polls close
 * (nothing declared yet), its results, and the server as a child process.
 */
import path from 'node:path';
import { createApp } from '../server/app.ts';
import { PRESETS } from '../server/cli/presets.ts';
import { replayNight } from '../server/cli/replay-night.ts';
import { dataFile } from '../server/config/data-dir.ts';
import { openDatabase } from '../server/db/connection.ts';
import { readHexJson } from '../server/import/hexjson.ts';
import { readHocCandidates, type SeatResult } from '../server/import/hoc-candidates.ts';
import { readBaselineSeats } from '../server/import/night-files.ts';
import { importBaseline, importCandidates, importHexMap } from '../server/services/import-service.ts';
import { ARTICLE_BASELINE, tempDir } from '../tests/support/server.ts';
import { loadBaselineFile } from '../server/baseline/load-article-baseline.ts';
import { seedBaseline } from '../server/services/seed-baseline.ts';

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

/**
 * A whole 2019 night declared (every result replayed in file order), on the 650-hex map, served
 * in this process with the built client: what the browser benches load pages from.
 */
export async function declaredNight2019(clientDist: string) {
  const preset = PRESETS.ge2019;
  const dir = tempDir('election-bench-');
  const db = openDatabase(path.join(dir, 'bench.sqlite'));
  // As npm start does first: the article baseline brings the parties table (names and colours).
  seedBaseline(db, loadBaselineFile(ARTICLE_BASELINE));
  importBaseline(db, preset.election, readBaselineSeats(dataFile(preset.baseline)));
  importHexMap(db, preset.election.id, readHexJson(dataFile(preset.hexmap)), preset.hexmap);
  const app = createApp({ db, apiToken: BENCH_TOKEN, clientDist });
  const url = `http://127.0.0.1:${await app.listen(0)}`;
  const send = (method: string, route: string, body: unknown) =>
    fetch(url + route, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
      body: JSON.stringify(body),
    });
  await replayNight({
    url,
    token: BENCH_TOKEN,
    election: 'ge2019',
    results: readHocCandidates(dataFile(preset.results)),
    speed: Infinity,
    order: 'file',
    seed: 1,
  });
  return {
    url,
    send,
    async close() {
      await app.close();
      db.close();
    },
  };
}
