import { describe, expect, test } from 'vitest';
import { candidateRow, parseCount, problemField, readRows } from './entry-rows.ts';

const row = (name: string, party: string, votes: string, second = '') => candidateRow({ name, party, votes, second });

describe('parseCount', () => {
  test('reads newsroom numbers and leaves anything else as typed for the server to name', () => {
    expect(parseCount(' 5,652 ')).toBe(5652);
    expect(parseCount('')).toBeUndefined();
    expect(parseCount('12a')).toBe('12a');
    expect(parseCount('-5')).toBe(-5);
  });
});

describe('readRows', () => {
  test('blank rows are not sent, and each row sent remembers which typed row it was', () => {
    const read = readRows([row('', '', ''), row(' Ann ', 'Lab', '1,200'), row('', '', ''), row('Bob', 'Con', '900')], false);
    expect(read.rows).toEqual([1, 3]);
    expect(read.typed).toEqual([
      { name: 'Ann', party: 'Lab', votes: 1200 },
      { name: 'Bob', party: 'Con', votes: 900 },
    ]);
    expect(read.complete).toBe(true);
    expect(read.candidates).toEqual(read.typed);
  });
  test('a row with votes that are not a whole number is sent as typed but stops the preview', () => {
    const read = readRows([row('Ann', 'Lab', '12.5'), row('Bob', 'Con', '900')], false);
    expect(read.typed[0].votes).toBe(12.5);
    expect(read.complete).toBe(false);
    expect(read.candidates).toEqual([{ name: 'Bob', party: 'Con', votes: 900 }]);
  });
  test('no rows at all is not complete', () => {
    expect(readRows([row('', '', '')], false).complete).toBe(false);
  });
  test('under SV the second choices given are read as the second round; otherwise they are ignored', () => {
    const rows = [row('Ann', 'Lab', '100', '20'), row('Bob', 'Con', '90', '15'), row('Cy', 'LD', '10')];
    expect(readRows(rows, true).secondRound).toEqual([
      { name: 'Ann', votes: 20 },
      { name: 'Bob', votes: 15 },
    ]);
    expect(readRows(rows, false).secondRound).toEqual([]);
  });
});

describe('problemField', () => {
  test('a candidate problem points at the row as typed, blank rows aside', () => {
    expect(problemField('candidates[1].votes', [0, 2, 3])).toBe('2.votes');
    expect(problemField('candidates.0', [4])).toBe('4.row');
    expect(problemField('candidates[5].votes', [0])).toBeNull();
  });
  test('the form fields by name, and nothing for a path the form has no field for', () => {
    expect(problemField('electorate', [])).toBe('electorate');
    expect(problemField('declaredAt', [])).toBe('declaredAt');
    expect(problemField('newParties[0]', [])).toBeNull();
  });
});
