/**
 * npm run bench -- projection [orders]
 *
 * How far the projection (shared/domain/projection.ts) lands from the final
 * House when 10, 25, 50 and 75 per cent of seats are in: the 2017 and 2019
 * nights replayed in many seeded random orders from the Library's files
 * (read at run time from the data folder). Beside it, two references:
 * scaling up the seats declared so far, and the broadcasters' exit poll.
 */
import { dataFile } from '../server/config/data-dir.ts';
import { shuffled } from '../server/cli/replay-night.ts';
import { tallyNightFromFiles } from '../server/import/tally-night.ts';
import { defaultContinuity } from '../server/import/party-continuity.ts';
import { projectHouse, projectionRegions, type ProjectionSeat } from '../shared/domain/projection.ts';
import { readHexJson } from '../server/import/hexjson.ts';
import { percentile } from './stats.ts';

const orders = Number(process.argv[2] ?? 200);
const fractions = [0.1, 0.25, 0.5, 0.75];

const nights = [
  {
    year: 2017,
    baseline: 'GE2015-winners.csv',
    results: 'HoC-GE2017-results-by-candidate.csv',
    exitPoll: { Con: 314, Lab: 266, SNP: 34, LD: 14, PC: 3, Green: 1 } as Record<string, number>,
  },
  {
    year: 2019,
    baseline: 'HoC-GE2017-results-by-candidate.csv',
    results: 'HoC-GE2019-results-by-candidate.csv',
    exitPoll: { Con: 368, Lab: 191, SNP: 55, LD: 13, PC: 3, Green: 1 } as Record<string, number>,
  },
];

const continuity = defaultContinuity();
// The regions a screen projects in: the 2010 hex map's, as `npm run import` stores them.
const regionOf = projectionRegions(readHexJson(dataFile('uk-constituencies-2010.hexjson')).hexes);
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const p90 = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    90,
  );
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const cell = (xs: number[]) => `${median(xs).toFixed(1).padStart(5)} (${p90(xs).toFixed(1).padStart(4)})`;

// What one projection costs a screen: it is worked out again after every change while on show.
const timings: number[] = [];
console.log(`${orders} seeded random orders a night; error = |projected - final| in seats, median (p90) over the orders`);
for (const night of nights) {
  const tally = tallyNightFromFiles({ baselinePath: dataFile(night.baseline), resultsPath: dataFile(night.results), continuity });
  const total = tally.house.totalSeats;
  const final = new Map(tally.house.partyTable.map((r) => [r.party, r.seats]));
  const parties = tally.house.partyTable.slice(0, 4).map((r) => r.party);
  const errors = new Map<string, { projection: number[]; scaled: number[]; signed: number[] }>();
  const keyOf = (f: number, party: string) => `${f}|${party}`;
  for (let seed = 1; seed <= orders; seed++) {
    const order = shuffled(tally.seats, seed);
    for (const f of fractions) {
      const k = Math.round(total * f);
      const seats: ProjectionSeat[] = order.map((s, i) => ({ code: s.code, baseline: s.baseline, outcome: i < k ? s.outcome : null }));
      const started = performance.now();
      const projection = projectHouse({ seats, totalSeats: total, continuity, regionOf })!;
      timings.push(performance.now() - started);
      for (const party of parties) {
        const row = projection.parties.find((p) => p.party === party);
        const projected = row?.seats ?? 0;
        const scaled = ((row?.declared ?? 0) / k) * total;
        const e = errors.get(keyOf(f, party)) ?? { projection: [], scaled: [], signed: [] };
        e.signed.push(projected - final.get(party)!);
        e.projection.push(Math.abs(projected - final.get(party)!));
        e.scaled.push(Math.abs(scaled - final.get(party)!));
        errors.set(keyOf(f, party), e);
      }
    }
  }
  console.log(`\n${night.year}: final ${parties.map((p) => `${p} ${final.get(p)}`).join(', ')} (baseline ${night.baseline})`);
  console.log(`declared  party  projection    scaled up   exit poll   projection's mean bias`);
  for (const f of fractions) {
    for (const party of parties) {
      const e = errors.get(keyOf(f, party))!;
      const poll = night.exitPoll[party];
      const pollError = poll === undefined ? 'n/a' : String(Math.abs(poll - final.get(party)!));
      console.log(
        `${`${f * 100}%`.padStart(8)}  ${party.padEnd(5)}  ${cell(e.projection)}  ${cell(e.scaled)}  ${pollError.padStart(9)}   ` +
          `${mean(e.signed) >= 0 ? '+' : ''}${mean(e.signed).toFixed(1)}`,
      );
    }
  }
}
console.log(
  `\none projection of the House: median ${median(timings).toFixed(2)} ms, p90 ${p90(timings).toFixed(2)} ms (${timings.length} in Node, ` +
    `this machine)`,
);
