import { describe, expect, test } from 'vitest';
import { dataFile } from '../config/data-dir.ts';
import { readHocCandidates } from '../import/hoc-candidates.ts';
import { paSeatMap, readPaXref } from './pa-seats.ts';

const xref = readPaXref(dataFile('pa/ONS-PA-xref.csv'));
const seats2019 = readHocCandidates(dataFile('HoC-GE2019-results-by-candidate.csv'));

describe("PA's constituency numbers to seats", () => {
  test('the cross-reference lists 650 numbers (its three repeated rows agree) and covers the 2019 seats', () => {
    expect(xref).toHaveLength(650);
    const map = paSeatMap(seats2019, xref);
    expect(map.method).toBe('cross-reference');
    expect(map.seatFor(5, 'Aberdeenshire West & Kincardine')).toEqual({ ok: true, code: 'S14000058' });
  });

  test('a number whose name disagrees with the cross-reference is refused, not trusted', () => {
    expect(paSeatMap(seats2019, xref).seatFor(7, 'Bath')).toEqual({
      ok: false,
      reason: 'PA number 7 is Aldershot in the cross-reference, but the file names "Bath"',
    });
  });

  test("on other boundaries seats are found by name: PA's 650 names find 647 2019 seats, none wrongly, and every loose match is reported", () => {
    const byName = paSeatMap(seats2019, null);
    expect(byName.method).toBe('name');
    const found = xref.map((x) => ({ x, match: byName.seatFor(x.paId, x.paName) }));
    const refused = found.filter(({ match }) => !match.ok).map(({ x }) => x.paName);
    // "Hull East" is Kingston upon Hull East: not the same words, so not guessed.
    expect(refused).toEqual(['Hull East', 'Hull North', 'Hull West & Hessle']);
    expect(found.filter(({ x, match }) => match.ok && match.code !== x.onsCode)).toEqual([]);
    const inexact = found.flatMap(({ match }) => (match.ok && match.inexact ? [match.inexact] : []));
    expect(inexact).toContain(`PA's "Antrim East" taken as East Antrim (N06000005)`);
    expect(inexact.length).toBeGreaterThan(200);
    expect(byName.seatFor(1, 'Aberavon')).toEqual({ ok: true, code: 'W07000049' });
  });
});
