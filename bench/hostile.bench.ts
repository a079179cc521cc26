/**
 * The night under attack (issue 10's goals). A real server holding half the
 * 2019 night, one hostile process on its own loopback address doing each
 * thing the review found, one after another, and meanwhile the newsroom on
 * 127.0.0.1 doing its job. Printed per attack: the server's peak memory
 * (RSS), the big screen's cold load in Chromium (until the state is on
 * screen), an editor signing in and publishing, and whether the server
 * stayed up. Figures, never pass or fail.
 *   npm run bench -- hostile [--seconds 300] [--only NAME]
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { projectRoot } from '../server/config/project-root.ts';
import { freePort, startChild, type ChildServer } from '../tests/support/child-server.ts';
import { BENCH_TOKEN, declare, night2019 } from './night.ts';
import { percentile } from './stats.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, only: { type: 'string', default: '' } } });
const SECONDS = Number(values.seconds);
const ATTACKS = ['bad-cookies', 'stalled-websockets', 'stalled-polling', 'login-flood', 'pipelined-reads', 'slow-connections'].filter((a) =>
  a.includes(values.only!),
);
const PASSWORD = 'correct horse battery staple';
const HEAP_LIMIT_MB = 768;
const PROBE_EVERY_MS = 5000;

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });

/** The server's resident memory, or 0 once it is gone. */
function residentMb(pid: number): number {
  try {
    const found = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return found ? Number(found[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** A request from the newsroom (127.0.0.1), timed out after 30 s so a stalled server shows as slow, not hung. */
function newsroom(
  url: string,
  method: string,
  route: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; text: string; cookie: string }> {
  return new Promise((resolve) => {
    const request = http.request(url + route, { method, headers, agent: false, timeout: 30_000 }, (response) => {
      let text = '';
      response.on('data', (c: Buffer) => (text += c));
      response.on('end', () =>
        resolve({ status: response.statusCode!, text, cookie: String(response.headers['set-cookie']?.[0] ?? '').split(';')[0] }),
      );
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', () => resolve({ status: 0, text: '', cookie: '' }));
    request.end(body);
  });
}

/** Signs in as the editor and publishes the next seat, as the entry page does; the time for both, or null if refused. */
async function editorPublishes(url: string, seat: Parameters<typeof declare>[1]): Promise<number | null> {
  const started = performance.now();
  const json = { 'content-type': 'application/json', origin: url };
  const login = await newsroom(url, 'POST', '/api/session', json, JSON.stringify({ username: 'editor', password: PASSWORD }));
  if (login.status !== 200) return null;
  const { csrfToken } = JSON.parse(login.text) as { csrfToken: string };
  const published = await newsroom(
    url,
    'POST',
    '/api/elections/ge2019/declarations',
    { ...json, cookie: login.cookie, 'x-csrf-token': csrfToken },
    JSON.stringify({ seat: seat.code, candidates: seat.candidates }),
  );
  return published.status === 201 ? performance.now() - started : null;
}

/** A cold load of the big screen in Chromium, until the night's state is on screen. */
async function bigScreenLoads(browser: Browser, url: string): Promise<number | null> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const started = performance.now();
  try {
    await page.goto(`${url}/big-screen?election=ge2019`, { timeout: 30_000 });
    await page.locator('[data-testid="big-screen"][data-seq]').waitFor({ timeout: 30_000 });
    return performance.now() - started;
  } catch {
    return null;
  } finally {
    await context.close();
  }
}

const { dbPath, results } = night2019();
const server: ChildServer = await startChild({
  port: await freePort(),
  nodeArgs: [`--max-old-space-size=${HEAP_LIMIT_MB}`],
  env: {
    DATABASE_PATH: dbPath,
    CLIENT_DIST: path.join(projectRoot, 'dist', 'client'),
    ELECTION_API_TOKEN: BENCH_TOKEN,
    ELECTION_ADMIN_PASSWORD: PASSWORD,
  },
  ready: /Election night:/,
});
const admin = await newsroom(
  server.url,
  'POST',
  '/api/session',
  { 'content-type': 'application/json', origin: server.url },
  JSON.stringify({ username: 'admin', password: PASSWORD }),
);
const { csrfToken } = JSON.parse(admin.text) as { csrfToken: string };
await newsroom(
  server.url,
  'POST',
  '/api/users',
  { 'content-type': 'application/json', origin: server.url, cookie: admin.cookie, 'x-csrf-token': csrfToken },
  JSON.stringify({ username: 'editor', password: PASSWORD, role: 'editor' }),
);
// Half the night declared: snapshots and the state are as large as mid-night makes them.
for (const seat of results.slice(0, 325)) await declare(server.url, seat);
let nextSeat = 325;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
console.log(
  `server pid ${server.child.pid}, heap limit ${HEAP_LIMIT_MB} MB, ${SECONDS} s per attack, 325 of 650 seats declared; ` +
    `newsroom probes every ${PROBE_EVERY_MS / 1000} s`,
);
console.log(
  `baseline: RSS ${residentMb(server.child.pid!).toFixed(0)} MB, big screen ${(await bigScreenLoads(browser, server.url))?.toFixed(0)} ` +
    `ms, editor ${(await editorPublishes(server.url, results[nextSeat++]))?.toFixed(0)} ms`,
);

const rows: string[][] = [];
for (const attack of ATTACKS) {
  if (server.child.exitCode !== null) break;
  const attacker = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'bench/hostile-attacker.ts'), attack, server.url, String(SECONDS)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let report = '';
  attacker.stdout!.on('data', (c: Buffer) => (report += c));
  const done = new Promise((resolve) => attacker.once('exit', resolve));
  let peak = 0;
  const sampler = setInterval(() => {
    if (server.child.exitCode === null) peak = Math.max(peak, residentMb(server.child.pid!));
  }, 250);
  const loads: number[] = [];
  const publishes: number[] = [];
  let failedLoads = 0;
  let failedPublishes = 0;
  const ends = Date.now() + SECONDS * 1000;
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the attack under way
  while (Date.now() < ends - 1000 && server.child.exitCode === null) {
    const [load, publish] = await Promise.all([
      bigScreenLoads(browser, server.url),
      editorPublishes(server.url, results[nextSeat++ % results.length]),
    ]);
    if (load === null) failedLoads++;
    else loads.push(load);
    if (publish === null) failedPublishes++;
    else publishes.push(publish);
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
  await done;
  clearInterval(sampler);
  const stats = (list: number[], failed: number) =>
    list.length
      ? `${percentile(
          [...list].sort((a, b) => a - b),
          50,
        ).toFixed(0)} / ${Math.max(...list).toFixed(0)} ms${failed ? ` (${failed} failed)` : ''}`
      : `all ${failed} failed`;
  rows.push([
    attack,
    server.child.exitCode === null ? 'yes' : `NO (exit ${server.child.exitCode})`,
    `${peak.toFixed(0)} MB`,
    stats(loads, failedLoads),
    stats(publishes, failedPublishes),
    report.trim(),
  ]);
  console.log(`| ${rows.at(-1)!.join(' | ')} |`);
}

if (server.child.exitCode !== null)
  console.log(`the server exited (${server.child.exitCode}); its last words:\n${server.output().slice(-2000)}`);
console.log(
  '\n| attack | server up | peak RSS | big screen cold load, median / worst | editor signs in and publishes, median / worst | attacker |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
await browser.close();
await server.kill('SIGTERM');
process.exit(0);
