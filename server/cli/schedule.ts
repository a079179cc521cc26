/**
 * npm run schedule -- --election ID --file FILE [--url http://localhost:3000] [--token T] [--data-dir DIR]
 * Sends a newsroom's expected declaration times (CSV: seat,expected) to a running server through its API.
 */
import { parseArgs } from 'node:util';
import { locateDataFile } from '../config/data-dir.ts';
import { readExpectedTimes } from '../import/expected-times.ts';

const { values } = parseArgs({
  options: {
    election: { type: 'string' },
    file: { type: 'string' },
    url: { type: 'string', default: `http://localhost:${process.env.PORT ?? 3000}` },
    token: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const election = values.election ?? fail('--election is needed, e.g. --election ge2019');
const file = locateDataFile(values.file ?? fail('--file is needed: a CSV with the columns seat,expected'), values['data-dir']);
const token = values.token ?? process.env.ELECTION_API_TOKEN ?? fail('--token or ELECTION_API_TOKEN is needed');
let times;
try {
  times = readExpectedTimes(file);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const response = await fetch(`${values.url.replace(/\/$/, '')}/api/elections/${encodeURIComponent(election)}/expected-times`, {
  method: 'PUT',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify(times),
});
const answer = await response.text();
if (!response.ok) fail(`${response.status}: ${answer}`);
console.log(`Expected times for ${times!.times.length} seats sent to ${election}: ${answer}`);
