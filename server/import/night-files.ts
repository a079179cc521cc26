/** Reads a night's files from the data folder into what the import service takes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Seat } from '../../shared/protocol/schemas.ts';
import { dataFile } from '../config/data-dir.ts';
import { baselineFromWinners } from './baseline-from-results.ts';
import { parseBaselineFile } from './baseline-file.ts';
import { csvColumns } from './csv-table.ts';
import { readHocCandidates } from './hoc-candidates.ts';
import { isLibraryResultsLayout, parseLibraryResults } from './library-results.ts';

/** A file named plainly is looked for in the data folder; a path is taken as it is. */
export function resolveDataFile(name: string, dir?: string): string {
  return name.includes('/') ? path.resolve(name) : dataFile(name, dir);
}

export interface BaselineSeatsOptions {
  notional?: boolean;
  /** A HoC candidate file to take seat names from, for a winners file that has none. */
  namesFile?: string;
  warnings?: string[];
}

export function readBaselineSeats(file: string, options: BaselineSeatsOptions = {}): Seat[] {
  const text = readFileSync(file, 'utf8');
  const source = path.basename(file);
  if (isLibraryResultsLayout(csvColumns(text))) {
    // The Library's labels name who held each seat before, notionally on the new boundaries.
    const rows = parseLibraryResults(text, source);
    const winners = rows.map((r) => ({ code: r.code, party: r.notionalHolder }));
    const names = new Map(rows.map((r) => [r.code, r.name]));
    return baselineFromWinners(winners, { source, notional: options.notional ?? true, names });
  }
  const names = options.namesFile
    ? new Map(readHocCandidates(options.namesFile, { warnings: options.warnings }).map((r) => [r.code, r.name]))
    : undefined;
  return parseBaselineFile(text, source, { notional: options.notional, names, warnings: options.warnings }).seats;
}
