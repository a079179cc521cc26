/**
 * The Library's results-by-constituency file (HoC-GE2024-results-by-constituency.csv):
 * one row per seat with its own Result label ("Lab gain from Con", "Spk hold"),
 * computed against the notional previous result on the new boundaries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsvTable } from './csv-table.ts';
import { ImportError } from './import-error.ts';

export interface LibrarySeatResult {
  code: string;
  name: string;
  /** The Library's label, as written. */
  result: string;
  firstParty: string;
  secondParty: string;
  electorate: number;
  validVotes: number;
  invalidVotes: number;
  majority: number;
  /** The party that held the seat (notionally) before: the one it was gained from, or the holder. */
  notionalHolder: string;
}

const COLUMNS = [
  'ONS ID',
  'Constituency name',
  'Result',
  'First party',
  'Second party',
  'Electorate',
  'Valid votes',
  'Invalid votes',
  'Majority',
];

const LABEL = /^(\S+) (hold|gain from (\S+))$/;

export function parseLibraryResults(text: string, file = 'HoC results by constituency'): LibrarySeatResult[] {
  const table = parseCsvTable(text, file, COLUMNS);
  return table.rows.map(({ line, fields }) => {
    const whole = (column: string) => {
      const value = fields[column];
      if (!/^\d+$/.test(value)) throw new ImportError(file, line, column, `must be a whole number (got '${value}')`);
      return Number(value);
    };
    const label = LABEL.exec(fields['Result']);
    if (!label) {
      throw new ImportError(file, line, 'Result', `must read "X hold" or "X gain from Y" (got '${fields['Result']}')`);
    }
    return {
      code: fields['ONS ID'],
      name: fields['Constituency name'],
      result: fields['Result'],
      firstParty: fields['First party'],
      secondParty: fields['Second party'],
      electorate: whole('Electorate'),
      validVotes: whole('Valid votes'),
      invalidVotes: whole('Invalid votes'),
      majority: whole('Majority'),
      notionalHolder: label[3] ?? label[1],
    };
  });
}

/** Columns that tell this layout apart from the others. */
export function isLibraryResultsLayout(columns: readonly string[]): boolean {
  return COLUMNS.every((c) => columns.includes(c));
}

export function readLibraryResults(file: string): LibrarySeatResult[] {
  return parseLibraryResults(readFileSync(file, 'utf8'), path.basename(file));
}
