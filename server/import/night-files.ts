/** Reads a night's baseline from the data folder into what the import service takes. */
import type { Seat } from '../../shared/protocol/schemas.ts';
import { readBaselineFile } from './baseline-file.ts';
import { readHocCandidates } from './hoc-candidates.ts';

export interface BaselineSeatsOptions {
  notional?: boolean;
  /** A HoC candidate file to take seat names from, for a winners file that has none. */
  namesFile?: string;
  warnings?: string[];
}

export function readBaselineSeats(file: string, options: BaselineSeatsOptions = {}): Seat[] {
  const names = options.namesFile
    ? new Map(readHocCandidates(options.namesFile, { warnings: options.warnings }).map((r) => [r.code, r.name]))
    : undefined;
  return readBaselineFile(file, { notional: options.notional, names, warnings: options.warnings }).seats;
}
