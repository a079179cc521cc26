import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { readLibraryResults } from '../../server/import/library-results.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { defaultContinuity } from '../../server/import/party-continuity.ts';
import { tallyNight } from '../../server/import/tally-night.ts';

describe('2024 on its new boundaries, against the notional 2019 holders', () => {
  const preset = PRESETS['ge2024-full'];
  const baseline = readBaselineSeats(dataFile(preset.baseline));
  const night = tallyNight({
    baseline,
    results: readHocCandidates(dataFile(preset.results)),
    continuity: defaultContinuity(),
    totalSeats: 650,
  });
  const library = new Map(readLibraryResults(dataFile('HoC-GE2024-results-by-constituency.csv')).map((r) => [r.code, r]));

  test('reads a notional baseline for all 650 new seats, marked notional', () => {
    expect(baseline).toHaveLength(650);
    expect(baseline.every((s) => s.baseline.notional === true)).toBe(true);
  });

  test("gives every seat the Library's own HOLD or GAIN label", () => {
    const differences = night.seats
      .map((s) => ({ name: s.name, ours: s.outcome.label.text, library: library.get(s.code)!.result }))
      .filter((s) => s.ours.toLowerCase() !== s.library.toLowerCase());
    expect(differences).toEqual([]);
  });

  test('counts Labour 411 seats and Reform UK 5 gains from the Conservatives', () => {
    const row = (party: string) => night.house.partyTable.find((r) => r.party === party);
    expect(row('Lab')?.seats).toBe(411);
    expect(row('RUK')).toMatchObject({ seats: 5, gains: 5 });
    expect(row('Spk')).toMatchObject({ seats: 1, gains: 0, losses: 0 });
  });

  test('reads Islington North as an independent gain from Labour', () => {
    const islington = night.seats.find((s) => s.name === 'Islington North')!;
    expect(islington.outcome.label.text).toBe('Ind GAIN from Lab');
    expect(islington.outcome.winner.name).toBe('Jeremy Corbyn');
  });
});
