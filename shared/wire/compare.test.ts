import { describe, expect, test } from 'vitest';
import { sameFigures, sopDifferences } from './compare.ts';
import { nameKey } from './seat-names.ts';

const row = (party: string, seats: number, gains: number, losses: number) => ({
  party,
  seats,
  gains,
  losses,
  net: gains - losses,
  votes: 0,
  share: 0,
  shareChange: null,
});

describe('the wire against our figures', () => {
  test('the same parties and votes are the same figures, however the names are spelt', () => {
    const desk = [
      { name: 'Leo Docherty', party: 'Con', votes: 27980 },
      { name: 'Howard Kaye', party: 'Lab', votes: 11282 },
    ];
    expect(
      sameFigures(desk, [
        { name: 'Leo DOCHERTY', party: 'Con', votes: 27980 },
        { name: 'H. Kaye', party: 'Lab', votes: 11282 },
      ]),
    ).toBe(true);
    expect(sameFigures(desk, [desk[0], { ...desk[1], votes: 11283 }])).toBe(false);
    expect(sameFigures(desk, [desk[0]])).toBe(false);
  });

  test("PA's state of parties against our party table: C is Con, a party only one side has counts as zero on the other", () => {
    const pa = [
      { abbreviation: 'C', seats: 10, gains: 2, losses: 1 },
      { abbreviation: 'Lab', seats: 5, gains: 1, losses: 2 },
      { abbreviation: 'Green', seats: 1, gains: 1, losses: 0 },
    ];
    expect(sopDifferences(pa, [row('Con', 10, 2, 1), row('Lab', 5, 1, 2), row('Green', 1, 1, 0)])).toEqual([]);
    expect(sopDifferences(pa, [row('Con', 9, 1, 1), row('Lab', 5, 1, 2), row('SNP', 1, 1, 0)])).toEqual([
      { party: 'Con', pa: { seats: 10, gains: 2, losses: 1 }, ours: { seats: 9, gains: 1, losses: 1 } },
      { party: 'Green', pa: { seats: 1, gains: 1, losses: 0 }, ours: { seats: 0, gains: 0, losses: 0 } },
      { party: 'SNP', pa: { seats: 0, gains: 0, losses: 0 }, ours: { seats: 1, gains: 1, losses: 0 } },
    ]);
  });

  test("seat names: PA's order, '&' and punctuation set aside, nothing looser", () => {
    expect(nameKey('Antrim East')).toBe(nameKey('East Antrim'));
    expect(nameKey('Ashton Under Lyne')).toBe(nameKey('Ashton-under-Lyne'));
    expect(nameKey('Ynys Mon')).toBe(nameKey('Ynys Môn'));
    expect(nameKey('Basildon South & Thurrock East')).toBe(nameKey('South Basildon and East Thurrock'));
    expect(nameKey('Hull East')).not.toBe(nameKey('Kingston upon Hull East'));
  });
});
