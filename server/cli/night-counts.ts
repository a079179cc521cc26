/** Each seat's electorate and rejected ballots from the Library's by-constituency file, found beside a candidate file when not named. */
import { existsSync } from 'node:fs';
import { locateDataFile } from '../config/data-dir.ts';
import { readLibraryResults } from '../import/library-results.ts';

export interface NightCounts {
  file: string | undefined;
  counts: Map<string, { electorate: number; rejected: number }> | undefined;
}

export function nightCounts(resultsFile: string, electorates?: string, dataDirFlag?: string): NightCounts {
  const file = electorates
    ? locateDataFile(electorates, dataDirFlag)
    : [resultsFile.replace('by-candidate', 'by-constituency')].find((f) => f !== resultsFile && existsSync(f));
  return {
    file,
    counts: file
      ? new Map(readLibraryResults(file).map((r) => [r.code, { electorate: r.electorate, rejected: r.invalidVotes }]))
      : undefined,
  };
}
