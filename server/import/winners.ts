/**
 * Winners-only files: one row per seat with the ONS code and a party code.
 * GE2015-winners.csv (region, party) and GE2019-holders-at-dissolution.csv
 * (ccode, dissolution17, where an empty party is a vacant seat).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { csvColumns, parseCsvTable } from './csv-table.ts';
import { ImportError } from './import-error.ts';

export interface SeatWinner {
  code: string;
  /** null where the seat was vacant. */
  party: string | null;
}

/** The layouts we know: the code column, then the party column. */
const WINNER_LAYOUTS = [
  { code: 'region', party: 'party' },
  { code: 'ccode', party: 'dissolution17' },
] as const;

const ONS_CODE = /^[EWSNK]\d{8}$/;

function layoutOf(columns: readonly string[]) {
  return WINNER_LAYOUTS.find((l) => columns.includes(l.code) && columns.includes(l.party));
}

export function isWinnersLayout(columns: readonly string[]): boolean {
  return layoutOf(columns) !== undefined;
}

export function parseWinners(text: string, file = 'winners file'): SeatWinner[] {
  const columns = csvColumns(text);
  const layout = layoutOf(columns);
  if (!layout) {
    const known = WINNER_LAYOUTS.map((l) => `${l.code},${l.party}`).join(' or ');
    throw new ImportError(file, 1, null, `expected the columns ${known} (found: ${columns.join(', ')})`);
  }
  const { rows } = parseCsvTable(text, file, [layout.code, layout.party]);
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const code = row.fields[layout.code].trim();
    if (!ONS_CODE.test(code)) {
      throw new ImportError(file, row.line, layout.code, `must be an ONS code such as E14000654 (got '${row.fields[layout.code]}')`);
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) throw new ImportError(file, row.line, layout.code, `${code} is listed twice (also line ${earlier})`);
    seen.set(code, row.line);
    const party = row.fields[layout.party].trim();
    return { code, party: party === '' ? null : party };
  });
}

export function readWinners(file: string): SeatWinner[] {
  return parseWinners(readFileSync(file, 'utf8'), path.basename(file));
}
