import { describe, expect, test } from 'vitest';
import { entryWarnings, type EntryFigures } from './entry-warnings.ts';

const undeclared = { status: 'undeclared' as const, version: 0 };
const figures = (over: Partial<EntryFigures> = {}): EntryFigures => ({
  candidates: [
    { name: 'A', party: 'Lab', votes: 20_000 },
    { name: 'B', party: 'Con', votes: 18_000 },
    { name: 'C', party: 'LD', votes: 2_000 },
  ],
  electorate: 60_000,
  seat: undeclared,
  ...over,
});
const codes = (f: EntryFigures) => entryWarnings(f).map((w) => w.code);

describe('entryWarnings', () => {
  test('gives no warning for an ordinary result', () => {
    expect(entryWarnings(figures())).toEqual([]);
  });

  test('warns when the votes are more than the electorate, naming both figures', () => {
    const [warning] = entryWarnings(figures({ electorate: 30_000 }));
    expect(warning.code).toBe('turnout-above-100');
    expect(warning.message).toContain('40,000');
    expect(warning.message).toContain('30,000');
  });

  test('warns when valid votes and rejected ballots together exceed the electorate', () => {
    expect(codes(figures({ electorate: 40_100, rejected: 200 }))).toEqual(['votes-above-electorate']);
  });

  test('warns of an implausibly low turnout, as when a digit is missing from the votes', () => {
    expect(codes(figures({ electorate: 600_000 }))).toEqual(['turnout-low']);
  });

  test('says nothing of turnout when no electorate is given', () => {
    expect(codes(figures({ electorate: undefined }))).toEqual([]);
  });

  test('warns of a party listed twice but not of two independents', () => {
    const twice = figures();
    twice.candidates = [...twice.candidates, { name: 'D', party: 'Lab', votes: 10 }];
    expect(codes(twice)).toEqual(['party-twice']);
    const independents = figures();
    independents.candidates = [...independents.candidates, { name: 'D', party: 'Ind', votes: 10 }, { name: 'E', party: 'Ind', votes: 9 }];
    expect(codes(independents)).toEqual([]);
  });

  test('warns of a majority under 50 votes as a possible recount', () => {
    const close = figures();
    close.candidates = [
      { name: 'A', party: 'Lab', votes: 20_000 },
      { name: 'B', party: 'Con', votes: 19_951 },
    ];
    expect(codes(close)).toEqual(['small-majority']);
  });

  test('warns of a majority under 0.1% even when it is more than 50 votes', () => {
    const big = figures({ electorate: 2_000_000 });
    big.candidates = [
      { name: 'A', party: 'Lab', votes: 600_000 },
      { name: 'B', party: 'Con', votes: 599_500 },
    ];
    expect(codes(big)).toEqual(['small-majority']);
  });

  test('sends a result for a declared seat down the correction path', () => {
    const [warning] = entryWarnings(figures({ seat: { status: 'declared', version: 2 } }));
    expect(warning.code).toBe('already-declared');
    expect(warning.message).toContain('version 2');
  });

  test('reminds the editor that a seat in recount needs the result declared after it', () => {
    expect(codes(figures({ seat: { status: 'recount', version: 2 } }))).toEqual(['recount']);
  });
});
