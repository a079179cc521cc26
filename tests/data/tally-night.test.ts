import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { nightJson, partyTableText } from '../../server/cli/tally-format.ts';
import { defaultContinuity } from '../../server/import/party-continuity.ts';
import { tallyNight, tallyNightFromFiles } from '../../server/import/tally-night.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const fromResults = () =>
  tallyNightFromFiles({ baselinePath: fixture('hoc-candidates-before.csv'), resultsPath: fixture('hoc-candidates-after.csv') });
const label = (night: ReturnType<typeof fromResults>, code: string) => night.seats.find((s) => s.code === code)!.outcome.label.text;

describe('tallyNightFromFiles', () => {
  test('labels each seat against the previous results', () => {
    const night = fromResults();
    expect(night.baselineLayout).toBe('hoc-candidates');
    expect(night.seats.map((s) => [s.name, s.outcome.label.text])).toEqual([
      ['Ynys Môn', 'Con GAIN from Lab'],
      ['Ayr, Carrick and Cumnock', 'SNP HOLD'],
      // ELECTION-RULES: Alliance = APNI, so the 2019 spelling gains from the DUP under one code.
      ['Belfast East', 'APNI GAIN from DUP'],
      ['Buckingham', 'Con GAIN from Spk'],
      ['Hartlepool', 'Lab HOLD'],
    ]);
  });

  test('counts a gain from the Speaker as a gain with no party losing', () => {
    const rows = fromResults().house.partyTable;
    const con = rows.find((r) => r.party === 'Con')!;
    expect(con).toMatchObject({ seats: 2, gains: 2, losses: 0, net: 2 });
    expect(rows.find((r) => r.party === 'Lab')).toMatchObject({ seats: 1, gains: 0, losses: 1, net: -1 });
    expect(rows.find((r) => r.party === 'Spk')).toBeUndefined();
    expect(rows.reduce((n, r) => n + r.losses, 0)).toBe(2);
  });

  test('gives share change and swing where the baseline has votes', () => {
    const ayr = fromResults().seats.find((s) => s.code === 'S14000003')!.outcome;
    expect(ayr.candidates[0]).toMatchObject({ party: 'SNP', share: 48.48, shareChange: 4.36 });
    expect(ayr.swing).toEqual({ from: 'Con', to: 'SNP', points: 3.07 });
  });

  test('carries the Brexit Party into Reform UK in the party table', () => {
    const rows = fromResults().house.partyTable;
    expect(rows.find((r) => r.party === 'RUK')).toMatchObject({ votes: 9000 });
    expect(rows.find((r) => r.party === 'Brexit')).toBeUndefined();
  });

  test('reads a winners-only baseline: hold and gain work, swing is n/a', () => {
    const night = tallyNightFromFiles({ baselinePath: fixture('winners-before.csv'), resultsPath: fixture('hoc-candidates-after.csv') });
    expect(night.baselineLayout).toBe('winners');
    expect(label(night, 'N06000001')).toBe('APNI GAIN from DUP');
    expect(night.seats.every((s) => s.outcome.swing === null)).toBe(true);
    expect(night.house.nationalSwing).toBeNull();
  });
});

describe('tallyNight', () => {
  test('refuses results for seats the baseline does not have, rather than call them gains', () => {
    const results = [{ code: 'E14001073', name: 'Barking', candidates: [{ name: 'A B', party: 'Lab', votes: 10 }] }];
    expect(() => tallyNight({ baseline: [], results, continuity: defaultContinuity() })).toThrow(
      '1 result seats have no baseline: Barking (E14001073). Are the two files on the same boundaries?',
    );
  });
});

describe('tally output', () => {
  test('lines the party table up in columns', () => {
    const lines = partyTableText(fromResults().house.partyTable).split('\n');
    expect(lines[0]).toMatch(/^Party\s+Seats\s+Gains\s+Losses\s+Net\s+Votes\s+Share %\s+Change$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toMatch(/^Con\s+2\s+2\s+0\s+\+2\s+73,000\s+/);
  });

  test('gives each seat its winner, label, majority and share changes as JSON', () => {
    const json = nightJson(fromResults());
    expect(json.seats[0]).toMatchObject({
      code: 'W07000041',
      name: 'Ynys Môn',
      winner: { name: 'Virginia Crossley', party: 'Con', votes: 12000 },
      label: 'Con GAIN from Lab',
      majority: 1000,
      majorityPercent: 3.33,
    });
    expect(json.seats[0].shareChange[0]).toEqual({ name: 'Virginia Crossley', party: 'Con', share: 40, shareChange: 6.67 });
    expect(json.partyTable[0].party).toBe('Con');
  });
});
