/**
 * Every 2024 seat, computed from the Library's candidate file with
 * seatOutcome, agrees with the Library's own constituency file: winner,
 * majority and valid vote, and the seat totals by party.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { seatOutcome } from '../../shared/domain/outcome.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { parseCsvTable } from '../../server/import/csv-table.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { defaultContinuity } from '../../server/import/party-continuity.ts';

const continuity = defaultContinuity();
const warnings: string[] = [];
const results = readHocCandidates(dataFile('HoC-GE2024-results-by-candidate.csv'), { warnings });
const library = new Map(
  parseCsvTable(readFileSync(dataFile('HoC-GE2024-results-by-constituency.csv'), 'utf8'), 'HoC-GE2024-results-by-constituency.csv', [
    'ONS ID',
    'Constituency name',
    'First party',
    'Majority',
    'Valid votes',
  ]).rows.map((row) => [row.fields['ONS ID'], row.fields]),
);
// Winner, majority and valid vote do not depend on the baseline, so no notional figures are needed here.
const outcomes = results.map((r) => ({
  result: r,
  outcome: seatOutcome({ declaration: { candidates: r.candidates }, baseline: { party: null }, continuity }),
}));

describe('GE2024 from the candidate file against the Library constituency file', () => {
  test('covers the same 650 seats', () => {
    expect(results).toHaveLength(650);
    expect(new Set(results.map((r) => r.code))).toEqual(new Set(library.keys()));
  });

  test("reports the one row where the candidate file misspells a seat's name, and keeps the seat whole", () => {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("E14001603 is 'Yeovil' on its other rows (got 'YeoYeovil')");
    expect(results.find((r) => r.code === 'E14001603')!.name).toBe(library.get('E14001603')!['Constituency name']);
  });

  test("gives every seat the Library's winner, majority and valid vote", () => {
    const disagreements = outcomes.flatMap(({ result, outcome }) => {
      const lib = library.get(result.code)!;
      const ours = { winner: outcome.winner.party, majority: outcome.majority, validVotes: outcome.validVotes };
      const theirs = { winner: lib['First party'], majority: Number(lib['Majority']), validVotes: Number(lib['Valid votes']) };
      return JSON.stringify(ours) === JSON.stringify(theirs) ? [] : [{ seat: `${result.name} (${result.code})`, ours, theirs }];
    });
    expect(disagreements).toEqual([]);
  });

  test("adds up to the Library's seat totals by first party", () => {
    const count = (parties: Iterable<string>) => {
      const seats: Record<string, number> = {};
      for (const p of parties) seats[p] = (seats[p] ?? 0) + 1;
      return seats;
    };
    const ours = count(outcomes.map((o) => o.outcome.winner.party));
    expect(ours).toEqual(count([...library.values()].map((l) => l['First party'])));
    expect(ours).toMatchObject({ Lab: 411, Con: 121, LD: 72, SNP: 9, SF: 7, Ind: 6, DUP: 5, RUK: 5, Green: 4, PC: 4, Spk: 1 });
  });
});
