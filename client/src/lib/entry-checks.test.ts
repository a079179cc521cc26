import { describe, expect, test } from 'vitest';
import { NO_CONTINUITY } from '../../../shared/domain/party.ts';
import { entryPreview, formFigures, localProblems, partyOptions, typedFigures, unknownParties } from './entry-checks.ts';
import { candidateRow, readRows } from './entry-rows.ts';

const row = (name: string, party: string, votes: string, second = '') => candidateRow({ name, party, votes, second });
const parties = [
  { code: 'Lab', name: 'Labour', colour: '#E4003B' },
  { code: 'Con', name: 'Conservative', colour: '#0087DC' },
  { code: 'LD', name: 'Liberal Democrat', colour: '#FAA61A' },
];
const known = new Set(['Lab', 'Con', 'LD', 'Ind']);

describe('unknownParties', () => {
  test('names each row whose code the election does not know, with the code meant where one is close', () => {
    const rows = [row('Ann', 'Lab', '10'), row('Bob', 'labour', '9'), row('Cy', 'Zzz', '8'), row('', '', '')];
    expect(unknownParties(rows, known, parties)).toEqual([
      { index: 1, code: 'labour', meant: 'Lab' },
      { index: 2, code: 'Zzz', meant: null },
    ]);
  });
});

describe('partyOptions', () => {
  test('offers every known code in order, with its name where the parties table has one', () => {
    expect(partyOptions(known, parties)).toEqual([
      { code: 'Con', name: 'Conservative' },
      { code: 'Ind', name: '' },
      { code: 'Lab', name: 'Labour' },
      { code: 'LD', name: 'Liberal Democrat' },
    ]);
  });
});

describe('formFigures and entryPreview', () => {
  const seat = { baseline: { party: 'Con' } };

  test('a complete form previews the result: Lab gain from Con', () => {
    const figures = formFigures(readRows([row('Ann', 'Lab', '1,200'), row('Bob', 'Con', '900')], false), '5,000', 'x');
    expect(figures).toMatchObject({ complete: true, electorate: 5000, rejected: undefined });
    expect(entryPreview(figures, seat, NO_CONTINUITY, false)).toMatchObject({ winner: { party: 'Lab' }, gainFor: 'Lab' });
  });

  test('no preview while a row is incomplete, the figures tie, or a party code is unresolved', () => {
    const incomplete = formFigures(readRows([row('Ann', 'Lab', '1200'), row('Bob', 'Con', '')], false), '', '');
    const tied = formFigures(readRows([row('Ann', 'Lab', '900'), row('Bob', 'Con', '900')], false), '', '');
    const fine = formFigures(readRows([row('Ann', 'Lab', '1200'), row('Bob', 'Con', '900')], false), '', '');
    expect(entryPreview(incomplete, seat, NO_CONTINUITY, false)).toBeNull();
    expect(entryPreview(tied, seat, NO_CONTINUITY, false)).toBeNull();
    expect(entryPreview(fine, seat, NO_CONTINUITY, true)).toBeNull();
    expect(entryPreview(fine, null, NO_CONTINUITY, false)).toBeNull();
  });
});

describe('localProblems', () => {
  const figures = formFigures(readRows([row('Ann', 'Lab', '1200'), row('Bob', 'Zzz', '900')], false), '', '');
  const unknown = [{ index: 1, code: 'Zzz', meant: null }];

  test('an unknown code stops the entry until it is marked new; a time that is not a time is named', () => {
    const problems = localProblems({ figures, unknown, newParties: [], declaredTime: '25:99', declaredAt: null });
    expect(problems).toEqual([
      'Row 2: "Zzz" is not a party code this election knows: use a known code, or tick "new party" if it is one',
      'Declared at: "25:99" is not a 24-hour UK time such as 02:31',
    ]);
    expect(localProblems({ figures, unknown, newParties: ['Zzz'], declaredTime: '02:31', declaredAt: '2019-12-13T02:31:00Z' })).toEqual([]);
  });

  test('a confirmation asks for no time, so none is checked', () => {
    expect(localProblems({ figures, unknown, newParties: ['Zzz'], declaredTime: null, declaredAt: null })).toEqual([]);
  });
});

describe('typedFigures', () => {
  test('sends the rows as typed, the SV second round, the counts given and the codes marked new, each once', () => {
    const read = readRows(
      [row('Ann', 'Lab', '1,200', '300'), row('', '', ''), row('Bob', 'Zzz', '9x0', ''), row('Cy', 'Zzz', '5', '40')],
      true,
    );
    const unknown = [
      { index: 2, code: 'Zzz', meant: null },
      { index: 3, code: 'Zzz', meant: null },
    ];
    expect(typedFigures(read, { electorate: '70,000', rejected: '', unknown, newParties: ['Zzz'] })).toEqual({
      candidates: [
        { name: 'Ann', party: 'Lab', votes: 1200 },
        { name: 'Bob', party: 'Zzz', votes: '9x0' },
        { name: 'Cy', party: 'Zzz', votes: 5 },
      ],
      secondRound: [
        { name: 'Ann', votes: 300 },
        { name: 'Cy', votes: 40 },
      ],
      electorate: 70000,
      newParties: ['Zzz'],
    });
  });
});
