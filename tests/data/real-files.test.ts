/** The public files agree with each other on seat codes, so baselines, results and hex maps join up. */
import { describe, expect, test } from 'vitest';
import { dataFile } from '../../server/config/data-dir.ts';
import { matchHexesToSeats, readHexJson } from '../../server/import/hexjson.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { readWinners } from '../../server/import/winners.ts';

const codes = (rows: { code: string }[]) => new Set(rows.map((r) => r.code));

describe('the public data files', () => {
  test('use the same 650 seat codes on the 2010 boundaries, 2015 to 2019', () => {
    const ge2017 = codes(readHocCandidates(dataFile('HoC-GE2017-results-by-candidate.csv')));
    expect(ge2017.size).toBe(650);
    expect(codes(readHocCandidates(dataFile('HoC-GE2019-results-by-candidate.csv')))).toEqual(ge2017);
    expect(codes(readWinners(dataFile('GE2015-winners.csv')))).toEqual(ge2017);
    expect(codes(readWinners(dataFile('GE2019-holders-at-dissolution.csv')))).toEqual(ge2017);
    expect(codes(readHexJson(dataFile('uk-constituencies-2010.hexjson')).hexes)).toEqual(ge2017);
  });

  test('use the new codes on the 2024 boundaries; the hex map joins once five Scottish seats are matched by name', () => {
    const results = readHocCandidates(dataFile('HoC-GE2024-results-by-candidate.csv'));
    expect(codes(results).size).toBe(650);
    const { map, rekeyed } = matchHexesToSeats(readHexJson(dataFile('uk-constituencies-2024.hexjson')), results);
    // The published map still carries these seats' pre-2024 codes.
    expect(rekeyed.map((r) => `${r.from}->${r.to}`).sort()).toEqual([
      'S14000006->S14000107',
      'S14000008->S14000108',
      'S14000010->S14000109',
      'S14000040->S14000110',
      'S14000058->S14000111',
    ]);
    expect(codes(map.hexes)).toEqual(codes(results));
  });

  test('list one vacant seat among the holders at dissolution in 2019', () => {
    expect(readWinners(dataFile('GE2019-holders-at-dissolution.csv')).filter((w) => w.party === null)).toHaveLength(1);
  });
});
