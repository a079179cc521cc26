/**
 * npm run replay -- --election ID --results FILE [--speed N|max] [--order file|random] [--seed S]
 *                   [--url http://localhost:3000] [--token T] [--data-dir DIR] [--electorates FILE] [--write-schedule FILE]
 * Space pauses and resumes; q stops. The token defaults to ELECTION_API_TOKEN.
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { expectedTimesCsv } from '../import/expected-times.ts';
import { readHocCandidates } from '../import/hoc-candidates.ts';
import { locateDataFile } from '../config/data-dir.ts';
import { londonDeclarations, LONDON_MAYOR_PATH, readLondonMayor } from '../import/london-mayor.ts';
import { nightCounts } from './night-counts.ts';
import { replayNight, type ReplayControl } from './replay-night.ts';

const { values } = parseArgs({
  options: {
    election: { type: 'string' },
    results: { type: 'string' },
    speed: { type: 'string', default: '100' },
    order: { type: 'string', default: 'random' },
    seed: { type: 'string', default: '1' },
    url: { type: 'string', default: `http://localhost:${process.env.PORT ?? 3000}` },
    token: { type: 'string' },
    'data-dir': { type: 'string' },
    electorates: { type: 'string' },
    'write-schedule': { type: 'string' },
    mayoral: { type: 'string' },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const election = values.election ?? fail('--election is needed, e.g. --election ge2019');
const mayoral =
  values.mayoral === undefined
    ? null
    : values.mayoral === '2021' || values.mayoral === '2024'
      ? values.mayoral
      : fail('--mayoral: 2021 or 2024');
const resultsFile = mayoral
  ? LONDON_MAYOR_PATH
  : locateDataFile(values.results ?? fail('--results is needed, e.g. --results HoC-GE2019-results-by-candidate.csv'), values['data-dir']);
const token =
  values.token ?? process.env.ELECTION_API_TOKEN ?? fail('--token or ELECTION_API_TOKEN is needed: the token the server printed at start');
const speed = values.speed === 'max' ? Infinity : Number(values.speed);
if (!(speed > 0)) fail('--speed: a number above 0, or max');
if (values.order !== 'file' && values.order !== 'random') fail('--order: file or random');

const control: ReplayControl = { paused: false, stopped: false };
if (process.stdin.isTTY) {
  process.stdin.setRawMode(true);
  process.stdin.resume();
  process.stdin.on('data', (key: Buffer) => {
    const k = key.toString();
    if (k === ' ' || k === 'p') {
      control.paused = !control.paused;
      process.stderr.write(control.paused ? '\n-- paused: space to resume --\n' : '\n-- resumed --\n');
    }
    if (k === 'q' || k === '\u0003') control.stopped = true;
  });
}

// A mayoral count: the areas as published, in the file's order, then the London-wide declaration last.
const results = mayoral ? londonDeclarations(readLondonMayor(), mayoral) : readHocCandidates(resultsFile);
// The Library's by-constituency file gives each seat's electorate (and rejected ballots); the
// candidate file does not. Beside a candidate file it is found by name (2024 has one).
const { file: countsFile, counts } = mayoral
  ? { file: undefined, counts: undefined }
  : nightCounts(resultsFile, values.electorates, values['data-dir']);
console.log(
  countsFile
    ? `Electorates from ${countsFile}`
    : 'No electorates for these results (no by-constituency file beside them): turnout is not known',
);
console.log(
  `Replaying ${results.length} declarations into ${election} at ${values.url}` +
    (Number.isFinite(speed)
      ? `, ${speed}x a real night (about ${Math.round((10 * 3600) / speed / 60)} min)`
      : ', as fast as the server takes them'),
);
const report = await replayNight({
  url: values.url,
  token,
  election,
  results,
  speed,
  order: mayoral ? 'file' : (values.order as 'file' | 'random'),
  seed: Number(values.seed),
  control,
  counts,
  onSchedule: (schedule) => {
    if (values['write-schedule']) writeFileSync(values['write-schedule'], expectedTimesCsv(schedule));
  },
  onProgress: (done, total, seat, outcome) => console.log(`${String(done).padStart(3)}/${total} ${seat.name}: ${outcome}`),
});
console.log(
  `Done in ${(report.ms / 1000).toFixed(1)} s: ${report.declared} declared, ${report.alreadyDeclared} already declared, ` +
    `${report.refused.length} refused.`,
);
process.exit(report.refused.length > 0 ? 1 : 0);
