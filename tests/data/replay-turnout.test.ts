/** A replay sends each seat's electorate where the Library gives it, so the screens have turnout. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { replayNight } from '../../server/cli/replay-night.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { readLibraryResults } from '../../server/import/library-results.ts';
import type { ElectionState } from '../../shared/protocol/schemas.ts';
import { api, startServer, TEST_TOKEN, type RunningServer } from '../support/server.ts';

describe('turnout on a replayed 2024 night', () => {
  let server: RunningServer;
  let state: ElectionState;
  const library = readLibraryResults(dataFile('HoC-GE2024-results-by-constituency.csv'));

  beforeAll(async () => {
    server = await startServer();
    const inArticles = new Set((await api(server, 'GET', '/api/elections/ge2024/state')).body.seats.map((s: { code: string }) => s.code));
    const results = readHocCandidates(dataFile('HoC-GE2024-results-by-candidate.csv')).filter((r) => inArticles.has(r.code));
    const counts = new Map(library.map((r) => [r.code, { electorate: r.electorate, rejected: r.invalidVotes }]));
    const report = await replayNight({
      url: server.url,
      token: TEST_TOKEN,
      election: 'ge2024',
      results,
      speed: Infinity,
      order: 'file',
      seed: 1,
      counts,
    });
    expect(report.declared).toBe(results.length);
    state = (await api(server, 'GET', '/api/elections/ge2024/state')).body;
  }, 60_000);
  afterAll(async () => server?.close());

  test("gives each seat the Library's turnout: valid votes over its electorate", () => {
    const declared = state.seatStates.filter((s) => s.outcome !== null);
    expect(declared.length).toBeGreaterThan(3);
    for (const seat of declared) {
      const row = library.find((r) => r.code === seat.code)!;
      expect(seat.outcome!.validVotes, seat.name).toBe(row.validVotes);
      expect(seat.outcome!.turnout, seat.name).toBeCloseTo((row.validVotes / row.electorate) * 100, 2);
    }
  });

  test('gives the House turnout over the declared seats, and the seats it rests on', () => {
    const rows = library.filter((r) => state.seatStates.some((s) => s.code === r.code && s.outcome !== null));
    const expected = (rows.reduce((n, r) => n + r.validVotes, 0) / rows.reduce((n, r) => n + r.electorate, 0)) * 100;
    expect(state.house.turnout?.seats).toBe(rows.length);
    expect(state.house.turnout?.percent).toBeCloseTo(expected, 2);
  });
});
