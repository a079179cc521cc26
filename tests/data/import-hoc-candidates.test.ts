import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseHocCandidates, readHocCandidates } from '../../server/import/hoc-candidates.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const afterText = readFileSync(fixture('hoc-candidates-after.csv'), 'utf8');

/** The fixture with one line changed (1-based, the header is line 1). */
function withLine(line: number, edit: (row: string) => string): string {
  const lines = afterText.split('\n');
  lines[line - 1] = edit(lines[line - 1]);
  return lines.join('\n');
}

describe('parseHocCandidates', () => {
  test('groups candidate rows into one result per seat, in file order', () => {
    const seats = readHocCandidates(fixture('hoc-candidates-after.csv'));
    expect(seats.map((s) => s.code)).toEqual(['W07000041', 'S14000003', 'N06000001', 'E14000608', 'E14000733']);
    expect(seats[0]).toEqual({
      code: 'W07000041',
      name: 'Ynys Môn',
      candidates: [
        { name: 'Virginia Crossley', party: 'Con', votes: 12000 },
        { name: 'Mary Roberts', party: 'Lab', votes: 11000 },
        { name: 'Aled ap Dafydd', party: 'PC', votes: 7000 },
      ],
    });
  });

  test('keeps quoted names with commas, apostrophes and accents whole', () => {
    const seats = parseHocCandidates(afterText, 'after.csv');
    const ayr = seats.find((s) => s.code === 'S14000003')!;
    expect(ayr.name).toBe('Ayr, Carrick and Cumnock');
    expect(ayr.candidates[2]).toEqual({ name: "Siobhán O'Keeffe", party: 'Lab', votes: 4000 });
    const hartlepool = seats.find((s) => s.code === 'E14000733')!;
    expect(hartlepool.candidates.map((c) => c.party)).toEqual(['Lab', 'Con', 'Brexit', 'CHP']);
  });

  test('reads a file saved with a byte-order mark and Windows line ends', () => {
    const seats = parseHocCandidates(`\uFEFF${afterText.replace(/\n/g, '\r\n')}`, 'after.csv');
    expect(seats).toHaveLength(5);
    expect(seats[0].candidates[0].votes).toBe(12000);
  });

  test('names the file, line and field of votes that are not a whole number', () => {
    const text = withLine(6, (row) => row.replace(',13000,', ',abc,'));
    expect(() => parseHocCandidates(text, 'HoC-GE2017-results-by-candidate.csv')).toThrow(
      "HoC-GE2017-results-by-candidate.csv line 6, Votes: must be a whole number (got 'abc')",
    );
  });

  test('counts lines after a blank line and a quoted field that spans two lines', () => {
    const lines = afterText.split('\n');
    lines.splice(2, 0, ''); // a blank line 3
    lines[3] = lines[3].replace(',Mary,Roberts,', ',"Mary\nAnn",Roberts,'); // the Lab row, now lines 4-5
    lines[4] = lines[4].replace(',7000,', ',-7,'); // the PC row, now line 6
    expect(() => parseHocCandidates(lines.join('\n'), 'f.csv')).toThrow("f.csv line 6, Votes: must be a whole number (got '-7')");
  });

  test('rejects a row whose ONS code is not a code', () => {
    const text = withLine(3, (row) => row.replace('W07000041', 'Ynys Mon'));
    expect(() => parseHocCandidates(text, 'f.csv')).toThrow("f.csv line 3, ONS ID: must be an ONS code such as E14000654 (got 'Ynys Mon')");
  });

  test('rejects a row without a party code', () => {
    const text = withLine(2, (row) => row.replace(',Conservative,Con,', ',Conservative,,'));
    expect(() => parseHocCandidates(text, 'f.csv')).toThrow('f.csv line 2, Party abbreviation: must give the party code');
  });

  test('says which column is missing from the header', () => {
    const text = afterText.replace('Party abbreviation,', 'Party,');
    expect(() => parseHocCandidates(text, 'f.csv')).toThrow("f.csv line 1: missing column 'Party abbreviation'");
  });

  test('keeps the name most rows give where one row misspells the seat, and warns', () => {
    const text = withLine(3, (row) => row.replace('Ynys Môn', 'YnyYnys Môn'));
    const warnings: string[] = [];
    const seats = parseHocCandidates(text, 'f.csv', { warnings });
    expect(seats[0].name).toBe('Ynys Môn');
    expect(seats[0].candidates).toHaveLength(3);
    expect(warnings).toEqual([
      "f.csv line 3, Constituency name: W07000041 is 'Ynys Môn' on its other rows (got 'YnyYnys Môn'); kept 'Ynys Môn'",
    ]);
  });
});
