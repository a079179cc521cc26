/** Read a baseline from either layout, told apart by the header: HoC results by candidate, or winners only. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Seat } from '../../shared/protocol/schemas.ts';
import { baselineFromResults, baselineFromWinners } from './baseline-from-results.ts';
import { csvColumns } from './csv-table.ts';
import { isHocCandidateLayout, parseHocCandidates } from './hoc-candidates.ts';
import { ImportError } from './import-error.ts';
import { isLibraryResultsLayout, parseLibraryResults } from './library-results.ts';
import { isWinnersLayout, parseWinners } from './winners.ts';

export type BaselineLayout = 'hoc-candidates' | 'winners' | 'library-results';

export interface ReadBaselineOptions {
  notional?: boolean;
  names?: ReadonlyMap<string, string>;
  /** Problems that do not stop the import are pushed here. */
  warnings?: string[];
}

export interface BaselineRead {
  layout: BaselineLayout;
  seats: Seat[];
}

export function parseBaselineFile(text: string, file: string, options: ReadBaselineOptions = {}): BaselineRead {
  const columns = csvColumns(text);
  const { notional, names, warnings } = options;
  if (isHocCandidateLayout(columns)) {
    const results = parseHocCandidates(text, file, { warnings });
    return { layout: 'hoc-candidates', seats: baselineFromResults(results, { source: file, notional }) };
  }
  if (isLibraryResultsLayout(columns)) {
    // The Library's own labels say who held each seat before, notionally on the new boundaries
    // ("Lab gain from Con": Con held it), so this is a winners-only notional baseline.
    const rows = parseLibraryResults(text, file);
    return {
      layout: 'library-results',
      seats: baselineFromWinners(
        rows.map((r) => ({ code: r.code, party: r.notionalHolder })),
        { source: file, notional: notional ?? true, names: new Map(rows.map((r) => [r.code, r.name])) },
      ),
    };
  }
  if (isWinnersLayout(columns)) {
    return { layout: 'winners', seats: baselineFromWinners(parseWinners(text, file), { source: file, notional, names }) };
  }
  throw new ImportError(
    file,
    1,
    null,
    `not a baseline layout we know: expected a House of Commons Library results-by-candidate or results-by-constituency file, ` +
      `or a winners file (found: ${columns.join(', ')})`,
  );
}

export function readBaselineFile(file: string, options: ReadBaselineOptions = {}): BaselineRead {
  return parseBaselineFile(readFileSync(file, 'utf8'), path.basename(file), options);
}
