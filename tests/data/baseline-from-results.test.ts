import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readBaselineFile } from '../../server/import/baseline-file.ts';
import { baselineFromResults, baselineFromWinners } from '../../server/import/baseline-from-results.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('baselineFromResults', () => {
  test('takes the winner, MP, majority and every candidate vote from the previous results', () => {
    const [ynysMon] = baselineFromResults(readHocCandidates(fixture('hoc-candidates-before.csv')), { source: 'before.csv' });
    expect(ynysMon).toEqual({
      code: 'W07000041',
      name: 'Ynys Môn',
      baseline: {
        party: 'Lab',
        mp: 'Alun Owain',
        majority: 1000,
        votes: [
          { party: 'Lab', votes: 10000, name: 'Alun Owain' },
          { party: 'Con', votes: 9000, name: 'Tomos Davies' },
          { party: 'PC', votes: 8000, name: 'Ieuan ap Rhys' },
        ],
      },
      notes: [],
      source: 'before.csv',
    });
  });

  test('marks notional figures on new boundaries as notional', () => {
    const seats = baselineFromResults(readHocCandidates(fixture('hoc-candidates-before.csv')), { source: 'n.csv', notional: true });
    expect(seats.every((s) => s.baseline.notional === true)).toBe(true);
  });

  test('refuses a past tie, whose winner was decided by lot and is not in the file', () => {
    const tie = [
      {
        code: 'E14000530',
        name: 'Aldershot',
        candidates: [
          { name: 'A B', party: 'Con', votes: 5 },
          { name: 'C D', party: 'Lab', votes: 5 },
        ],
      },
    ];
    expect(() => baselineFromResults(tie, { source: 't.csv' })).toThrow('t.csv: Aldershot (E14000530) has a tie for first place');
  });
});

describe('baselineFromWinners', () => {
  test('gives the party only, so swing and share change stay n/a', () => {
    const seats = baselineFromWinners([{ code: 'E14000608', party: 'Spk' }], {
      source: 'w.csv',
      names: new Map([['E14000608', 'Buckingham']]),
    });
    expect(seats).toEqual([{ code: 'E14000608', name: 'Buckingham', baseline: { party: 'Spk' }, notes: [], source: 'w.csv' }]);
  });

  test('keeps a vacant seat vacant and falls back to the code for an unknown name', () => {
    const [seat] = baselineFromWinners([{ code: 'E14000608', party: null }], { source: 'w.csv' });
    expect(seat.baseline.party).toBeNull();
    expect(seat.name).toBe('E14000608');
  });
});

describe('readBaselineFile', () => {
  test('tells a results-by-candidate file from a winners file by its header', () => {
    expect(readBaselineFile(fixture('hoc-candidates-before.csv')).layout).toBe('hoc-candidates');
    expect(readBaselineFile(fixture('winners-before.csv')).layout).toBe('winners');
    expect(readBaselineFile(fixture('holders-at-dissolution.csv')).layout).toBe('winners');
  });

  test('says what it expected when the header is neither layout', () => {
    expect(() => readBaselineFile(fixture('mini.hexjson'))).toThrow('mini.hexjson line 1: not a baseline layout we know');
  });
});
