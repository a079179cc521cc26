/**
 * npm run tally -- --baseline FILE --results FILE [--json] [--data-dir DIR]
 *
 * The party table for a whole night from files: the baseline is a previous
 * election's HoC results-by-candidate file, the Library's results-by-constituency
 * file (its labels give the notional holders) or a winners file (told apart by
 * the header), the results a HoC results-by-candidate file. A bare file name
 * is looked up in the data folder.
 */
import { parseArgs } from 'node:util';
import { locateDataFile } from '../config/data-dir.ts';
import { tallyNightFromFiles } from '../import/tally-night.ts';
import { nightJson, nightText } from './tally-format.ts';

const USAGE = 'usage: npm run tally -- --baseline FILE --results FILE [--json] [--data-dir DIR]';

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      baseline: { type: 'string' },
      results: { type: 'string' },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
  });
  if (!values.baseline || !values.results) throw new Error(`--baseline and --results are both needed\n${USAGE}`);
  const night = tallyNightFromFiles({
    baselinePath: locateDataFile(values.baseline, values['data-dir']),
    resultsPath: locateDataFile(values.results, values['data-dir']),
  });
  for (const warning of night.warnings) process.stderr.write(`tally: warning: ${warning}\n`);
  process.stdout.write(values.json ? `${JSON.stringify(nightJson(night), null, 2)}\n` : `${nightText(night)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`tally: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
