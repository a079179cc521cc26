import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { replayNight } from '../../server/cli/replay-night.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { defaultContinuity } from '../../server/import/party-continuity.ts';
import { tallyNight } from '../../server/import/tally-night.ts';
import { importBaseline } from '../../server/services/import-service.ts';
import type { ElectionState, ElectionUpdate } from '../../shared/protocol/schemas.ts';
import { startServer, tempDir, TEST_TOKEN, watch, api, type RunningServer, type Viewer } from '../support/server.ts';

describe('a replay of the whole 2019 night into a running server', () => {
  const preset = PRESETS.ge2019;
  const results = readHocCandidates(dataFile(preset.results));
  const baseline = readBaselineSeats(dataFile(preset.baseline));
  let server: RunningServer;
  let viewer: Viewer;
  let state: ElectionState;

  beforeAll(async () => {
    const dbPath = path.join(tempDir(), 'rehearsal.sqlite');
    const db = openDatabase(dbPath);
    importBaseline(db, preset.election, baseline);
    db.close();
    server = await startServer({ dbPath });
    viewer = await watch(server, 'ge2019');
    const report = await replayNight({
      url: server.url,
      token: TEST_TOKEN,
      election: 'ge2019',
      results,
      speed: Infinity,
      order: 'random',
      seed: 2019,
    });
    expect(report).toMatchObject({ declared: 650, alreadyDeclared: 0, refused: [] });
    state = (await api(server, 'GET', '/api/elections/ge2019/state')).body;
  }, 120_000);

  afterAll(async () => {
    viewer?.close();
    await server?.close();
  });

  test('ends with the server equal to the offline tally of the same files, seat for seat', () => {
    const tally = tallyNight({ baseline, results, continuity: defaultContinuity(), totalSeats: 650 });
    const served = new Map(state.seatStates.map((s) => [s.code, s.outcome]));
    expect(served.size).toBe(650);
    for (const seat of tally.seats) expect(served.get(seat.code), seat.name).toEqual(seat.outcome);
    expect(state.house).toEqual(tally.house);
  });

  test('reaches a watching client as 650 numbered updates with none missed or repeated', async () => {
    while (viewer.updates.length < 650) await viewer.nextUpdate();
    const seqs = viewer.updates.map((u: ElectionUpdate) => u.seq);
    expect(seqs).toEqual(Array.from({ length: 650 }, (_, i) => i + 1));
    expect(viewer.updates.at(-1)!.house).toEqual(state.house);
  });

  test('gives the 2019 party table: Conservatives 365, Labour 202 with 60 losses to parties and one to the Speaker', () => {
    const row = (party: string) => state.house.partyTable.find((r) => r.party === party);
    expect(row('Con')?.seats).toBe(365);
    expect(row('Lab')?.seats).toBe(202);
    expect(row('Lab')?.losses).toBe(61);
    expect(row('Spk')).toMatchObject({ seats: 1, gains: 0, losses: 0 });
    const chorley = state.seatStates.find((s) => s.name === 'Chorley');
    expect(chorley?.outcome?.label.text).toBe('Spk GAIN from Lab');
    const buckingham = state.seatStates.find((s) => s.name === 'Buckingham');
    expect(buckingham?.outcome).toMatchObject({ gainFor: 'Con', lossFor: null });
  });
});
