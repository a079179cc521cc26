/**
 * npm run bench -- wire
 *
 * PA's wire against a real FTP server on loopback (python3-pyftpdlib), the server's wire role
 * polling it once a second as it would PA's:
 *   1. a result file landing -> its seat on a watching socket.io client (20 files, one at a time);
 *   2. a burst of 650 result files landing at once -> all 650 on the client;
 *   3. the poller's cost when nothing changes: requests a second and CPU;
 * and, after 1, how long the desk takes to show the feed down when the FTP server stops.
 * Prints figures; asserts nothing.
 */
import os from 'node:os';
import { startWirePoller } from '../server/wire/wire-poller.ts';
import { watch } from '../tests/support/server.ts';
import { startFtpServer } from '../tests/support/ftp-server.ts';
import { plan2019, wireNight } from '../tests/support/wire.ts';
import { ms, percentile } from './stats.ts';

const results = plan2019({ rushEvery: 0, revisions: 0, recounts: 0, sopEvery: 0 }).filter((d) => /_result_\d+_1\.xml$/.test(d.name));
let stamp = 0;
// The machine is shared: the figures mean more beside how busy it was.
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${os.cpus().length} cores`,
);

// 1. Landing to screen, one file at a time.
if (!process.env.WIRE_BENCH_ONLY || process.env.WIRE_BENCH_ONLY === '1') {
  const night = await wireNight();
  const viewer = await watch(night.server, 'ge2019');
  const uploader = night.ftp.uploader();
  const latencies: number[] = [];
  for (const drop of results.slice(0, 20)) {
    await uploader.write('results', drop.name, drop.xml);
    await uploader.write('results', '.timestamp', `${++stamp}\n`);
    const landed = performance.now();
    await viewer.nextUpdate();
    latencies.push(performance.now() - landed);
    // Land the next at a different moment of the poll cycle.
    await new Promise((resolve) => setTimeout(resolve, 137 + Math.random() * 400));
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`1. A result file landed on the FTP server -> its seat on a socket.io client (${sorted.length} files, poll every 1 s):`);
  console.log(
    `   median ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1)!)}  (goal: within 1500 ms)`,
  );
  // The FTP server gone: how long until the desk's view says the feed is down.
  await uploader.close();
  await night.ftp.stop();
  const gone = performance.now();
  while (night.server.app.wire.desk('ge2019').feed.state !== 'down') await new Promise((resolve) => setTimeout(resolve, 10));
  console.log(`   the FTP server stopped -> the desk's view shows the feed down in ${ms(performance.now() - gone)}  (goal: within 5 s)`);
  viewer.close();
  await night.close();
}

// 2. A burst of 650 result files.
if (!process.env.WIRE_BENCH_ONLY || process.env.WIRE_BENCH_ONLY === '2') {
  const night = await wireNight();
  const uploader = night.ftp.uploader();
  // Past the poller's first two listings; then uploaded without touching
  // .timestamp, so the poller does not look; then the stamp moves once.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  for (const drop of results) await uploader.write('results', drop.name, drop.xml);
  const early = night.server.app.service.head('ge2019').seq;
  await uploader.write('results', '.timestamp', `${stamp + 1}\n`);
  const landed = performance.now();
  // Ingested: every declaration stored and handed to the broadcaster (no viewer in this process to share its CPU).
  while (night.server.app.service.head('ge2019').seq < results.length) await new Promise((resolve) => setTimeout(resolve, 20));
  const took = performance.now() - landed;
  console.log(`2. A burst of ${results.length} result files (the .timestamp moved once) -> all ${results.length} declared and broadcast:`);
  console.log(
    `   ${(took / 1000).toFixed(1)} s (${ms(took / results.length)} a file${early ? `; ${early} taken before the stamp moved` : ''})  ` +
      `(goal: under 15 s)`,
  );
  await uploader.close();
  await night.close();
}

// 3. Idle: a poller with nothing to do.
if (!process.env.WIRE_BENCH_ONLY || process.env.WIRE_BENCH_ONLY === '3') {
  const ftp = await startFtpServer();
  const uploader = ftp.uploader();
  await uploader.write('results', '.timestamp', '1\n');
  await uploader.write('nominations', '.timestamp', '1\n');
  await uploader.close();
  const poller = startWirePoller({
    source: ftp.source(),
    sink: { settled: () => [], receive: (files) => files.map(() => ({ outcome: 'skipped', note: '' })), report: () => {} },
  });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const seconds = 20;
  const before = { requests: poller.requests(), cpu: process.cpuUsage() };
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const cpu = process.cpuUsage(before.cpu);
  const requests = poller.requests() - before.requests;
  console.log(`3. The poller with nothing changing, over ${seconds} s:`);
  console.log(
    `   ${(requests / seconds).toFixed(2)} requests a second (each a RETR of a .timestamp of a few bytes over one open FTP connection), ` +
      `${((cpu.user + cpu.system) / 1000 / seconds).toFixed(2)} ms CPU a second  (goal: one small request a second)`,
  );
  await poller.stop();
  await ftp.close();
}
process.exit(0);
