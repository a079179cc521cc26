/**
 * npm run pa -- generate (--preset ge2019 | --baseline FILE --results FILE [--date YYYY-MM-DD])
 *                        (--out DIR | --ftp ftp://host[:port][/folder]) [--speed N|max] [--seed S]
 *                        [--electorates FILE] [--data-dir DIR] [--live]
 *
 * Writes a whole PA-format night (nominations, rushes, results, revisions, recounts, states of
 * parties) from the Library's files, marked TEST (Test_General_Election_...) unless --live.
 * FTP credentials are PA_FTP_USER and PA_FTP_PASSWORD.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dataDir, locateDataFile } from '../config/data-dir.ts';
import path from 'node:path';
import { readHocCandidates } from '../import/hoc-candidates.ts';
import { readBaselineSeats } from '../import/night-files.ts';
import { defaultContinuity } from '../import/party-continuity.ts';
import { dropNight } from '../wire/drop-night.ts';
import { planPaNight } from '../wire/pa-night.ts';
import { readPaXref } from '../wire/pa-seats.ts';
import { folderSource, ftpCredentials, ftpSource } from '../wire/wire-source.ts';
import { nightCounts } from './night-counts.ts';
import { PRESETS } from './presets.ts';

const USAGE =
  'usage: npm run pa -- generate (--preset ge2019 | --baseline FILE --results FILE) ' +
  '(--out DIR | --ftp ftp://host:port/folder) [--speed N|max] [--seed S]';

const fail = (message: string): never => {
  console.error(`pa: ${message}\n${USAGE}`);
  process.exit(2);
};

const [command, ...rest] = process.argv.slice(2);
if (command !== 'generate') fail(`unknown command ${command ?? '(none)'}`);
const { values } = parseArgs({
  args: rest,
  options: {
    preset: { type: 'string' },
    baseline: { type: 'string' },
    results: { type: 'string' },
    electorates: { type: 'string' },
    date: { type: 'string' },
    out: { type: 'string' },
    ftp: { type: 'string' },
    speed: { type: 'string', default: 'max' },
    seed: { type: 'string', default: '1' },
    'data-dir': { type: 'string' },
    live: { type: 'boolean', default: false },
  },
});

const preset = values.preset ? (PRESETS[values.preset] ?? fail(`no preset ${values.preset}: ${Object.keys(PRESETS).join(', ')}`)) : null;
const baselineFile = locateDataFile(values.baseline ?? preset?.baseline ?? fail('--baseline or --preset is needed'), values['data-dir']);
const resultsFile = locateDataFile(values.results ?? preset?.results ?? fail('--results or --preset is needed'), values['data-dir']);
const date = values.date ?? preset?.election.pollingDay ?? fail('--date is needed without a preset');
const speed = values.speed === 'max' ? Infinity : Number(values.speed);
if (!(speed > 0)) fail('--speed: a number above 0, or max');
if (!values.out === !values.ftp) fail('one of --out DIR or --ftp ADDRESS');

const results = readHocCandidates(resultsFile);
const baseline = readBaselineSeats(baselineFile, {
  notional: preset?.notional,
  namesFile: preset?.names && locateDataFile(preset.names, values['data-dir']),
});
const xrefFile = path.join(dataDir(values['data-dir']), 'pa', 'ONS-PA-xref.csv');
const drops = planPaNight({
  election: { name: values.live ? 'General Election' : 'Test General Election', date },
  prefix: values.live ? 'General_Election' : 'Test_General_Election',
  results,
  baseline,
  continuity: defaultContinuity(),
  electorates: new Map(
    [...(nightCounts(resultsFile, values.electorates, values['data-dir']).counts ?? [])].map(([code, c]) => [code, c.electorate]),
  ),
  xref: existsSync(xrefFile) ? readPaXref(xrefFile) : null,
  seed: Number(values.seed),
  totalSeats: preset?.election.totalSeats ?? Math.max(results.length, baseline.length),
});
const target = values.ftp ? ftpSource(values.ftp, ftpCredentials()) : folderSource(values.out!);
console.log(
  `Writing ${drops.length} PA files to ` +
    `${target.describe}${Number.isFinite(speed) ? `, ${speed}x a real night` : ', as fast as it takes them'}`,
);
let stopped = false;
process.on('SIGINT', () => (stopped = true));
const started = performance.now();
const done = await dropNight(drops, target, {
  speed,
  stopped: () => stopped,
  onDrop: (drop, n, total) => {
    if (Number.isFinite(speed) || n % 100 === 0 || n === total)
      console.log(`${String(n).padStart(4)}/${total} ${drop.folder}/${drop.name}`);
  },
});
await target.close();
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${done} files.`);
