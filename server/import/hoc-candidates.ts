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

export function parseHocCandidates(text: string, file = 'HoC results by candidate'): SeatResult[] {
  const { rows } = parseCsvTable(text, file, HOC_CANDIDATE_COLUMNS);
  const seats = new Map<string, SeatResult>();
  for (const row of rows) {
    const code = row.fields['ONS ID'].trim();
    if (!ONS_CODE.test(code)) {
      throw new ImportError(file, row.line, 'ONS ID', `must be an ONS code such as E14000654 (got '${row.fields['ONS ID']}')`);
    }
    const name = row.fields['Constituency name'].trim();
    let seat = seats.get(code);
    if (!seat) {
      seat = { code, name, candidates: [] };
      seats.set(code, seat);
    } else if (seat.name !== name) {
      // One code, two names: a pasted row from another seat, or a code typed wrongly.
      throw new ImportError(file, row.line, 'Constituency name', `${code} is '${seat.name}' on earlier rows (got '${name}')`);
    }
    seat.candidates.push(candidateFrom(row, file));
  }
  return [...seats.values()];
}

export function readHocCandidates(file: string): SeatResult[] {
  return parseHocCandidates(readFileSync(file, 'utf8'), path.basename(file));
}
