/**
 * Readers' embeds behind a real HTTP cache (Debian's nginx on loopback): N readers poll the
 * party-table embed's reply every 5 s through it while a declaration lands every 3 s. Prints
 * what reaches the origin (requests a second) for 10 and for 10,000 readers, and how long after
 * each declaration's 201 every reader had it (goal: within the interval + 1 s).
 *   npm run bench -- behind-a-cache [readers...]     (default: 10 10000)
 */
import path from 'node:path';
import { freePort, startChild } from '../tests/support/child-server.ts';
import { tempDir } from '../tests/support/server.ts';
import { startNginxCache } from '../tests/support/nginx-cache.ts';
import { Worker } from 'node:worker_threads';
import { percentile } from './stats.ts';

const TOKEN = 'bench-token-0123456789abcdef';
const EVERY_MS = 5_000;
const DECLARE_EVERY_MS = 3_000;
const DECLARATIONS = 10;
// Ten of the article baseline's London marginals (npm start's own night).
const SEATS = [
  'E14000674',
  'E14000593',
  'E14000727',
  'E14000759',
  'E14000691',
  'E14000732',
  'E14001036',
  'E14000998',
  'E14000654',
  'E14001005',
];
const crowds = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

async function night(readers: number) {
  // The origin in its own process, as in production: the readers' loops must not slow it.
  const server = await startChild({
    port: await freePort(),
    env: { DATABASE_PATH: path.join(tempDir('election-bench-'), 'night.sqlite'), ELECTION_API_TOKEN: TOKEN, LOG_LEVEL: 'silent' },
    ready: /Election night:/,
  });
  const cache = await startNginxCache(`127.0.0.1:${server.port}`);
  const api = (seat: string) =>
    fetch(`${server.url}/api/elections/ge2017/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        seat,
        candidates: [
          { name: 'A', party: 'Lab', votes: 2 },
          { name: 'B', party: 'Con', votes: 1 },
        ],
      }),
    });
  // Two threads of readers (this machine has two cores); this thread only declares and keeps time.
  const shares = [Math.ceil(readers / 2), Math.floor(readers / 2)].filter((n) => n > 0);
  const workers = shares.map(
    (n) =>
      new Worker(new URL('../server/webhooks/thread-boot.mjs', import.meta.url), {
        workerData: {
          entry: new URL('./cache-readers-worker.ts', import.meta.url).href,
          url: `${cache.url}/api/elections/ge2017/party-table`,
          readers: n,
          everyMs: EVERY_MS,
        },
      }),
  );
  await new Promise((r) => setTimeout(r, EVERY_MS)); // every reader has arrived
  const originBefore = cache.originRequests();
  const started = performance.now();
  const declaredAt: number[] = [];
  for (const seat of SEATS.slice(0, DECLARATIONS)) {
    await new Promise((r) => setTimeout(r, DECLARE_EVERY_MS));
    const reply = await api(seat);
    if (reply.status !== 201) throw new Error(`declaring ${seat}: ${reply.status} ${await reply.text()}`);
    declaredAt.push(performance.timeOrigin + performance.now());
  }
  await new Promise((r) => setTimeout(r, EVERY_MS + 2_000));
  const seconds = (performance.now() - started) / 1000;
  const originRps = (cache.originRequests() - originBefore) / seconds;
  const reports = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<{ requests: number; failures: number; seen: [number, number][][] }>((resolve) => {
          worker.once('message', resolve);
          worker.postMessage('stop');
        }),
    ),
  );
  await Promise.all(workers.map((w) => w.terminate()));
  const requests = reports.reduce((n, r) => n + r.requests, 0);
  const failures = reports.reduce((n, r) => n + r.failures, 0);
  await cache.stop();
  await server.kill('SIGTERM');

  // Each reader, each declaration: from the 201 to the first reply showing it (or a later one).
  const lags: number[] = [];
  let missed = 0;
  for (const reader of reports.flatMap((r) => r.seen)) {
    const seen = [...reader].sort((a, b) => a[0] - b[0]);
    declaredAt.forEach((at, i) => {
      const first = seen.find(([seq]) => seq >= i + 1);
      if (first) lags.push(first[1] - at);
      else missed++;
    });
  }
  lags.sort((a, b) => a - b);
  return { readers, requests, failures, originRps, lags, missed };
}

const results = [];
for (const readers of crowds.length > 0 ? crowds : [10, 10_000]) results.push(await night(readers));
console.log(
  `Readers polling the party-table embed every ${EVERY_MS / 1000} s through nginx, a declaration every ${DECLARE_EVERY_MS / 1000} s:`,
);
console.log(
  '| readers | requests to the cache | to the origin, a second | declaration to every reader: median, p99, ' +
    'max | goal (interval + 1 s) | failed, missed |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const worst = r.lags.at(-1) ?? 0;
  console.log(
    `| ${r.readers.toLocaleString('en-GB')} | ${r.requests.toLocaleString('en-GB')} | ${r.originRps.toFixed(2)} | ` +
      `${s(percentile(r.lags, 50))}, ${s(percentile(r.lags, 99))}, ${s(worst)} | ${worst <= EVERY_MS + 1000 ? 'met' : 'not met'} | ` +
      `${r.failures}, ${r.missed} |`,
  );
}
if (results.length > 1)
  console.log(
    `Origin requests a second, most readers against fewest: ${(results.at(-1)!.originRps / results[0].originRps).toFixed(2)}x (goal <= ` +
      `1.2x)`,
  );
process.exit(0);
