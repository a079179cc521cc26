/**
 * The House of Commons Library's results-by-candidate layout
 * (HoC-GE2017/2019/2024-results-by-candidate.csv): one row per candidate,
 * grouped here into one result per seat, in the order the file lists them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Candidate } from '../../shared/protocol/schemas.ts';
import { parseCsvTable, type CsvRow } from './csv-table.ts';
import { ImportError } from './import-error.ts';

export interface SeatResult {
  code: string;
  name: string;
  candidates: Candidate[];
}

export const HOC_CANDIDATE_COLUMNS = [
  'ONS ID',
  'Constituency name',
  'Party abbreviation',
  'Candidate first name',
  'Candidate surname',
  'Votes',
] as const;

const ONS_CODE = /^[EWSNK]\d{8}$/;

export function isHocCandidateLayout(columns: readonly string[]): boolean {
  return HOC_CANDIDATE_COLUMNS.every((c) => columns.includes(c));
}

function candidateFrom(row: CsvRow, file: string): Candidate {
  const f = row.fields;
  const fail = (field: string, problem: string) => new ImportError(file, row.line, field, problem);
  const votesText = f['Votes'].trim();
  if (!/^\d+$/.test(votesText)) throw fail('Votes', `must be a whole number (got '${f['Votes']}')`);
  const party = f['Party abbreviation'].trim();
  if (party === '') throw fail('Party abbreviation', 'must give the party code, such as Lab (Ind for an independent)');
  const name = `${f['Candidate first name'].trim()} ${f['Candidate surname'].trim()}`.trim();
  if (name === '') throw fail('Candidate surname', 'must give the candidate name');
  return { name, party, votes: Number(votesText) };
}

export interface ParseOptions {
  /** Problems that do not stop the import (a seat name spelt two ways) are pushed here. */
  warnings?: string[];
}

/**
 * The ONS code is the key; the name is for people. Where one row spells the
 * name differently (the 2024 file has "YeoYeovil" on one Yeovil row), the
 * name most rows give is kept and the odd row is reported, not fatal: one
 * typo in the Library's file must not stop a night.
 */
function settleNames(
  seats: Map<string, SeatResult>,
  names: Map<string, { line: number; name: string }[]>,
  file: string,
  warnings?: string[],
) {
  for (const [code, rows] of names) {
    const counts = new Map<string, number>();
    for (const { name } of rows) counts.set(name, (counts.get(name) ?? 0) + 1);
    if (counts.size === 1) continue;
    const [usual] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    seats.get(code)!.name = usual;
    for (const { line, name } of rows) {
      if (name !== usual) {
        warnings?.push(`${file} line ${line}, Constituency name: ${code} is '${usual}' on its other rows (got '${name}'); kept '${usual}'`);
      }
    }
  }
}

export function parseHocCandidates(text: string, file = 'HoC results by candidate', options: ParseOptions = {}): SeatResult[] {
  const { rows } = parseCsvTable(text, file, HOC_CANDIDATE_COLUMNS);
  const seats = new Map<string, SeatResult>();
  const names = new Map<string, { line: number; name: string }[]>();
  for (const row of rows) {
    const code = row.fields['ONS ID'].trim();
    if (!ONS_CODE.test(code)) {
      throw new ImportError(file, row.line, 'ONS ID', `must be an ONS code such as E14000654 (got '${row.fields['ONS ID']}')`);
    }
    const name = row.fields['Constituency name'].trim();
    if (name === '') throw new ImportError(file, row.line, 'Constituency name', 'must give the seat name');
    let seat = seats.get(code);
    if (!seat) {
      seat = { code, name, candidates: [] };
      seats.set(code, seat);
      names.set(code, []);
    }
    names.get(code)!.push({ line: row.line, name });
    seat.candidates.push(candidateFrom(row, file));
  }
  settleNames(seats, names, file, options.warnings);
  return [...seats.values()];
}

export function readHocCandidates(file: string, options: ParseOptions = {}): SeatResult[] {
  return parseHocCandidates(readFileSync(file, 'utf8'), path.basename(file), options);
}
