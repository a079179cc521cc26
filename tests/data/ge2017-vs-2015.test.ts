/**
 * 2017 results against the 2015 winners reproduce the known figures
 * (shared/data/README.md). Reads the public files at run time; a missing
 * file fails the test (dataFile throws), it never skips.
 */
import { describe, expect, test } from 'vitest';
import { dataFile } from '../../server/config/data-dir.ts';
import { tallyNightFromFiles } from '../../server/import/tally-night.ts';

const night = tallyNightFromFiles({
  baselinePath: dataFile('GE2015-winners.csv'),
  resultsPath: dataFile('HoC-GE2017-results-by-candidate.csv'),
});
const row = (party: string) => night.house.partyTable.find((r) => r.party === party)!;

describe('GE2017 against the GE2015 winners', () => {
  test('declares all 650 seats from a winners-only baseline', () => {
    expect(night.baselineLayout).toBe('winners');
    expect(night.house.declared).toBe(650);
    expect(night.house.majorityLine).toBe(326);
    expect(night.warnings).toEqual([]);
  });

  test('gives Labour 262 seats with 36 gains and 6 losses', () => {
    expect(row('Lab')).toMatchObject({ seats: 262, gains: 36, losses: 6, net: 30 });
  });

  test('gives the Conservatives 317 seats with 20 gains and 33 losses', () => {
    expect(row('Con')).toMatchObject({ seats: 317, gains: 20, losses: 33, net: -13 });
  });

  test('gives the SNP 35 seats with 21 losses', () => {
    expect(row('SNP')).toMatchObject({ seats: 35, gains: 0, losses: 21 });
  });

  test('gives the Liberal Democrats 12 seats with 8 gains and 4 losses', () => {
    expect(row('LD')).toMatchObject({ seats: 12, gains: 8, losses: 4 });
  });

  test("gives the other parties' seats, adding up to 650", () => {
    const seats = Object.fromEntries(night.house.partyTable.filter((r) => r.seats > 0).map((r) => [r.party, r.seats]));
    expect(seats).toEqual({ Con: 317, Lab: 262, SNP: 35, LD: 12, DUP: 10, SF: 7, PC: 4, Green: 1, Spk: 1, Ind: 1 });
    expect(Object.values(seats).reduce((a, b) => a + b, 0)).toBe(650);
  });

  test('reads the Speaker holding Buckingham as no gain and no loss for any party', () => {
    const buckingham = night.seats.find((s) => s.name === 'Buckingham')!.outcome;
    expect(buckingham.label.text).toBe('Spk HOLD');
    expect([buckingham.gainFor, buckingham.lossFor]).toEqual([null, null]);
  });

  test('reads North Down as an independent hold, as the Library does, with no gain or loss', () => {
    const northDown = night.seats.find((s) => s.name === 'North Down')!.outcome;
    expect(northDown.label.text).toBe('Ind HOLD');
    expect(row('Ind')).toMatchObject({ seats: 1, gains: 0, losses: 0 });
  });

  test('keeps gains and losses in balance across the House', () => {
    const gains = night.house.partyTable.reduce((n, r) => n + r.gains, 0);
    const losses = night.house.partyTable.reduce((n, r) => n + r.losses, 0);
    expect(gains).toBe(losses);
  });
});
