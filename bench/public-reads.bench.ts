/**
 * npm run bench -- public-reads [REQUESTS]
 *
 * What the public's expensive reads cost the server late in a 2019 night
 * (650 seats declared, candidate lists imported): the server runs as its
 * own process (server/main.ts), and the CPU it uses (from /proc) over
 * REQUESTS sequential GETs on loopback, divided by REQUESTS, is its cost per
 * request, for the whole state, the JSON feed (all of it, and the last 50
 * changes) and Atom; then the same with the ETag the reader already holds.
 */
import fs from 'node:fs';
import { freePort, startChild } from '../tests/support/child-server.ts';
import { BENCH_TOKEN, declare, night2019 } from './night.ts';

const REQUESTS = Number(process.argv[2] ?? 200);
const TICK_MS = 10; // /proc's clock ticks (USER_HZ 100 on Linux)

/** User + system CPU of a process so far, in ms. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

const { dbPath, results } = night2019();
const server = await startChild({
  port: await freePort(),
  env: { DATABASE_PATH: dbPath, ELECTION_API_TOKEN: BENCH_TOKEN },
  ready: /Election night:/,
});
try {
  for (const seat of results) await declare(server.url, seat);
  const seq = results.length;
  const pid = server.child.pid!;

  async function perRequest(route: string, headers: Record<string, string> = {}) {
    let bytes = 0;
    let status = 0;
    const before = cpuMs(pid);
    for (let i = 0; i < REQUESTS; i++) {
      const answer = await fetch(server.url + route, { headers });
      bytes = (await answer.arrayBuffer()).byteLength;
      status = answer.status;
    }
    return { cpu: (cpuMs(pid) - before) / REQUESTS, bytes, status };
  }

  const routes = [
    ['GET /state', '/api/elections/ge2019/state'],
    ['GET /feed.json', '/api/elections/ge2019/feed.json'],
    [`GET /feed.json?since=${seq - 50}`, `/api/elections/ge2019/feed.json?since=${seq - 50}`],
    ['GET /feed.atom', '/api/elections/ge2019/feed.atom'],
  ] as const;

  console.log(`${REQUESTS} requests each, one after another, 650 seats declared (seq ${seq}); the server's CPU per request:`);
  for (const [name, route] of routes) {
    await (await fetch(server.url + route)).arrayBuffer(); // the first reply after a change builds what is kept
    const fresh = await perRequest(route);
    const etag = (await fetch(server.url + route)).headers.get('etag');
    const again = etag ? await perRequest(route, { 'if-none-match': etag }) : null;
    console.log(
      `  ${name.padEnd(26)} ${fresh.cpu.toFixed(2).padStart(6)} ms, ${(fresh.bytes / 1024).toFixed(0).padStart(5)} KB, ${fresh.status}` +
        (again ? `; holding its ETag: ${again.cpu.toFixed(2)} ms, ${again.status}` : '; no ETag'),
    );
  }
} finally {
  await server.kill('SIGTERM');
}
