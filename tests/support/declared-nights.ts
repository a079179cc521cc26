/**
 * A server with two whole nights declared: the 2019 general election (650 seats, on its hex map) and the
 * 2024 London mayoral count (14 areas and London), as a newsroom has them at the end of the night. What the
 * big screen's layout is checked against: the longest legend, a full ticker and every race tile filled.
 */
import path from 'node:path';
import { PRESETS } from '../../server/cli/presets.ts';
import { replayNight } from '../../server/cli/replay-night.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { readHexJson } from '../../server/import/hexjson.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { londonDeclarations, londonNight, readLondonMayor } from '../../server/import/london-mayor.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { importBaseline, importHexMap } from '../../server/services/import-service.ts';
import { CLIENT_DIST } from './browser.ts';
import { startServer, tempDir, TEST_TOKEN, type RunningServer } from './server.ts';

export const GE = 'ge2019';
export const LONDON = 'london-2024';

export async function startDeclaredNights(): Promise<RunningServer> {
  const preset = PRESETS.ge2019;
  const london = readLondonMayor();
  const dbPath = path.join(tempDir(), 'declared-nights.sqlite');
  const db = openDatabase(dbPath);
  importBaseline(db, preset.election, readBaselineSeats(dataFile(preset.baseline)));
  importHexMap(db, GE, readHexJson(dataFile(preset.hexmap)), preset.hexmap);
  const { election, seats } = londonNight(london, '2024');
  importBaseline(db, election, seats);
  db.close();
  const server = await startServer({ dbPath, clientDist: CLIENT_DIST });
  const replay = { url: server.url, token: TEST_TOKEN, speed: Infinity, order: 'file' as const, seed: 1 };
  const [ge, mayoral] = await Promise.all([
    replayNight({ ...replay, election: GE, results: readHocCandidates(dataFile(preset.results)) }),
    replayNight({ ...replay, election: LONDON, results: londonDeclarations(london, '2024') }),
  ]);
  // Plain checks, not expect: the layout script in bench/ runs this outside vitest too.
  if (ge.declared !== 650 || mayoral.declared !== 15)
    throw new Error(`declared ${ge.declared} of 650 seats, ${mayoral.declared} of 15 areas`);
  return server;
}
