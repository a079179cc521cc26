/**
 * The screens tests' set-up: a ge2019 server, and its screens set as an
 * editor's script would (PUT with the token, one panel held on stage).
 */
import path from 'node:path';
import { expect } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { readHexJson } from '../../server/import/hexjson.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { importBaseline, importHexMap } from '../../server/services/import-service.ts';
import type { ScreenSettings } from '../../shared/protocol/schemas.ts';
import { CLIENT_DIST } from './browser.ts';
import { startServer, tempDir, TEST_TOKEN, type RunningServer } from './server.ts';

/** A server with the ge2019 preset's baseline and hex map imported, nothing declared. */
export async function startGe2019Server(name: string): Promise<{ server: RunningServer; dbPath: string }> {
  const preset = PRESETS.ge2019;
  const dbPath = path.join(tempDir(), `${name}.sqlite`);
  const db = openDatabase(dbPath);
  importBaseline(db, preset.election, readBaselineSeats(dataFile(preset.baseline)));
  importHexMap(db, preset.election.id, readHexJson(dataFile(preset.hexmap)), preset.hexmap);
  db.close();
  return { server: await startServer({ dbPath, clientDist: CLIENT_DIST }), dbPath };
}

export async function put(server: RunningServer, route: string, body: unknown) {
  const response = await fetch(server.url + route, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
    body: JSON.stringify(body),
  });
  expect(response.status, `PUT ${route}`).toBe(200);
}

/** One panel on the big screen for ten minutes: the test decides what is on stage, not the clock. */
export const onlyPanel = (panel: ScreenSettings['panels'][number]['panel'], gainSpotlightSeconds = 0): ScreenSettings => ({
  panels: [{ panel, seconds: 600 }],
  gainSpotlightSeconds,
});
