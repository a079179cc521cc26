/**
 * Fan-out, snapshot and entry figures (issue 6), printed, never asserted.
 *   npm run bench -- fanout                 1,000 and 5,000 viewers
 *   npm run bench -- fanout 1000,5000,10000 viewer counts to run
 *   npm run bench -- fanout 1000 --no-redis skip the Redis part
 * For each count: the real server (server/main.ts, a child process) and a
 * bare `ws` server (the floor) each broadcast to that many real clients in
 * several processes on this machine. Latency is from the POST's 201 reaching
 * the poster (for ws: the start of its send loop) to each viewer's arrival.
 */
import { execFileSync, fork, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { io } from 'socket.io-client';
import { compactSnapshot, expandSnapshot, type CompactSnapshot, type NightReference } from '../shared/protocol/compact-snapshot.ts';
import type { CompactUpdate } from '../shared/protocol/compact-update.ts';
import type { ElectionState } from '../shared/protocol/schemas.ts';
import { freePort, startChild, type ChildServer } from '../tests/support/child-server.ts';
import { startRedis } from '../tests/support/redis-server.ts';
import { startWriterAndFanouts } from '../tests/support/scale-out.ts';
import { BENCH_TOKEN, declare, enterNight, night2019 } from './night.ts';
import { collectedResidentBytes, kb, medianSpread, ms, settledResidentBytes, spread, type Spread } from './stats.ts';
import { joinSwarms, replyFrom, startSwarm, type Swarm } from './swarm.ts';

const args = process.argv.slice(2);
const counts = (args.find((a) => /^\d/.test(a)) ?? '1000,5000').split(',').map(Number);
const withRedis = !args.includes('--no-redis');
const SINGLES = 10;
const BURST = 10;
const now = () => performance.timeOrigin + performance.now();
const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));
const swarmProcesses = (n: number) => Math.max(2, Math.min(8, Math.ceil(n / 1500)));

// Each viewer is a file descriptor in the server and one in a swarm: raise the soft limit once, up to the hard one.
const softLimit = Number(execFileSync('bash', ['-c', 'ulimit -n']).toString().trim());
if (softLimit < Math.max(...counts) + 1000 && !process.env.BENCH_REEXEC) {
  const rerun = spawnSync(
    'bash',
    ['-c', `ulimit -n $(ulimit -Hn); exec "${process.execPath}" --import tsx "${import.meta.filename}" ${args.join(' ')}`],
    {
      stdio: 'inherit',
      env: { ...process.env, BENCH_REEXEC: '1' },
    },
  );
  process.exit(rerun.status ?? 1);
}

const line = (label: string, s: Spread) =>
  `${label.padEnd(44)} p50 ${ms(s.p50).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  p99 ${ms(s.p99).padStart(9)}  last ` +
  `${ms(s.last).padStart(9)}`;

async function startNightServer(): Promise<{ server: ChildServer; results: ReturnType<typeof night2019>['results'] }> {
  const { dbPath, results } = night2019();
  const server = await startChild({
    port: await freePort(),
    // Every viewer comes from 127.0.0.1: no per-address connection limit here.
    env: { DATABASE_PATH: dbPath, ELECTION_API_TOKEN: BENCH_TOKEN, TRACE_BROADCAST: '1', HTTP_MAX_CONNECTIONS_PER_ADDRESS: '0' },
    nodeArgs: ['--expose-gc', '--import', new URL('./collect-on-signal.mjs', import.meta.url).pathname],
    ready: /Election night:/,
  });
  await (await fetch(`${server.url}/api/elections/ge2019/state`)).arrayBuffer();
  return { server, results };
}

/**
 * Connects n viewers in two halves, reading the server's memory before,
 * between and after: the growth per viewer over all n, and over the second
 * half alone, by when the fixed costs of a busy process (V8's young
 * generation grown to full size, say) have been paid.
 */
async function connectViewers(n: number, start: (viewers: number) => Swarm, memory?: { pid: number; collect: () => void | Promise<void> }) {
  const collected = () => (memory ? collectedResidentBytes(memory.collect, memory.pid) : Promise.resolve(NaN));
  const firstHalf = Math.floor(n / 2);
  const before = await collected();
  const first = start(firstHalf);
  const firstReady = await first.ready;
  const between = await collected();
  const second = start(n - firstHalf);
  const secondReady = await second.ready;
  await sleep(1000);
  const settled = memory ? await settledResidentBytes(memory.pid) : NaN;
  const after = await collected();
  return {
    swarm: joinSwarms([first, second]),
    connectMs: firstReady.finished - firstReady.started + (secondReady.finished - secondReady.started),
    failed: firstReady.failed + secondReady.failed,
    memory: {
      perViewer: (settled - before) / n,
      perViewerCollected: (after - before) / n,
      secondHalf: (after - between) / (n - firstHalf),
    },
  };
}

/** SINGLES declarations one at a time, each waited for by every viewer, then BURST at once. */
async function socketIoRun(urls: string[], post: string, n: number, results: ReturnType<typeof night2019>['results'], memoryOf?: number) {
  const { swarm, connectMs, failed, memory } = await connectViewers(
    n,
    (viewers) => startSwarm({ mode: 'socketio', urls, viewers, processes: swarmProcesses(viewers) }),
    memoryOf ? { pid: memoryOf, collect: () => void process.kill(memoryOf, 'SIGUSR2') } : undefined,
  );
  const acks = new Map<number, number>();
  let next = 0;
  let missed = 0;
  for (let i = 0; i < SINGLES; i++) {
    const reply = await declare(post, results[next++]);
    acks.set(reply.seq, now());
    if (!(await swarm.allHave(reply.seq))) missed++;
  }
  // Ten editors, each with the entry page open: their connections exist before they press Enter.
  await Promise.all(Array.from({ length: BURST }, () => fetch(`${post}/api/elections`).then((r) => r.arrayBuffer())));
  /** BURST declarations, the i-th posted i * spacingMs after the first. */
  const postBurst = async (spacingMs: number) => {
    const start = now();
    let lastAck = 0;
    const replies = await Promise.all(
      results.slice(next, (next += BURST)).map(async (seat, i) => {
        await sleep(i * spacingMs);
        const reply = await declare(post, seat);
        lastAck = Math.max(lastAck, now());
        return reply;
      }),
    );
    const seqs = replies.map((r) => r.seq);
    for (const seq of seqs) if (!(await swarm.allHave(seq))) missed++;
    return { seqs, start, lastAck };
  };
  const atOnce = await postBurst(0);
  const overASecond = await postBurst(1000 / BURST);
  const times = await swarm.times([...acks.keys(), ...atOnce.seqs, ...overASecond.seqs]);
  await swarm.close();
  const singles = medianSpread([...acks].map(([seq, ack]) => spread(times.get(seq)!.map((t) => t - ack))));
  const burstFigures = ({ seqs, start, lastAck }: { seqs: number[]; start: number; lastAck: number }) => {
    const end = Math.max(...seqs.map((seq) => Math.max(...times.get(seq)!)));
    return { last: end - start, afterAcks: end - lastAck, entryMs: lastAck - start };
  };
  const burst = burstFigures(atOnce);
  const spreadBurst = burstFigures(overASecond);
  return {
    singles,
    burstLast: burst.last,
    burstAfterAcks: burst.afterAcks,
    burstEntryMs: burst.entryMs,
    spreadBurst,
    memory,
    connectMs,
    failed,
    missed,
  };
}

async function wsFloorRun(n: number, payload: CompactUpdate) {
  const port = await freePort();
  const loops: Array<{ loopMs: number; cpuMs: number }> = [];
  const floor = fork(new URL('./ws-floor.ts', import.meta.url).pathname, [String(port)], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await replyFrom(floor, 'listening');
  const broadcast = async (payloads: string[]) => {
    const sent = replyFrom<{ started: number; loopMs: number; cpuMs: number }>(floor, 'sent');
    floor.send({ type: 'broadcast', payloads });
    const m = await sent;
    loops.push(m);
    return m.started;
  };
  const collect = async () => {
    const collected = replyFrom(floor, 'collected');
    floor.send({ type: 'collect' });
    await collected;
  };
  const { swarm, memory } = await connectViewers(
    n,
    (viewers) => startSwarm({ mode: 'ws', urls: [`ws://127.0.0.1:${port}`], viewers, processes: swarmProcesses(viewers) }),
    { pid: floor.pid!, collect },
  );
  const starts = new Map<number, number>();
  for (let seq = 1; seq <= SINGLES; seq++) {
    starts.set(seq, await broadcast([JSON.stringify({ ...payload, seq })]));
    await swarm.allHave(seq);
  }
  const tenSeqs = Array.from({ length: BURST }, (_, i) => 101 + i);
  const tenStart = await broadcast(tenSeqs.map((seq) => JSON.stringify({ ...payload, seq })));
  for (const seq of tenSeqs) await swarm.allHave(seq);
  const oneSeqs = Array.from({ length: BURST }, (_, i) => 201 + i);
  // The same bytes the server sends for ten: one message of ten compact updates.
  const oneStart = await broadcast([JSON.stringify(oneSeqs.map((seq) => ({ ...payload, seq })))]);
  for (const seq of oneSeqs) await swarm.allHave(seq);
  const times = await swarm.times([...starts.keys(), ...tenSeqs, ...oneSeqs]);
  await swarm.close();
  floor.kill();
  const lastOf = (seqs: number[], start: number) => Math.max(...seqs.map((seq) => Math.max(...times.get(seq)!))) - start;
  return {
    singles: medianSpread([...starts].map(([seq, start]) => spread(times.get(seq)!.map((t) => t - start)))),
    tenBroadcasts: lastOf(tenSeqs, tenStart),
    oneCarryingTen: lastOf(oneSeqs, oneStart),
    memory,
    singleLoopMs: spread(loops.slice(0, SINGLES).map((l) => l.loopMs)).p50,
    singleCpuMs: spread(loops.slice(0, SINGLES).map((l) => l.cpuMs)).p50,
  };
}

/** The broadcasts of the two bursts, told apart by the updates each carried (BURST each). */
function burstsIn<T extends { updates: number }>(broadcasts: T[]): [T[], T[]] {
  let carried = 0;
  const first = broadcasts.filter((b) => (carried += b.updates) <= BURST);
  return [first, broadcasts.slice(first.length)];
}

/** The server's own account of each broadcast to all n viewers (TRACE_BROADCAST): updates carried and its send loop. */
function serverBroadcasts(output: string, n: number): Array<{ updates: number; loopMs: number; cpuMs: number }> {
  return [...output.matchAll(/broadcast (\d+) update\(s\) to (\d+) viewers: ([\d.]+) ms \(cpu ([\d.]+) ms\)/g)]
    .filter((m) => Number(m[2]) === n)
    .map((m) => ({ updates: Number(m[1]), loopMs: Number(m[3]), cpuMs: Number(m[4]) }));
}

/** One update as the server sends it, for the floor to send the same bytes. */
async function sampleUpdate(url: string, results: ReturnType<typeof night2019>['results']): Promise<CompactUpdate> {
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  socket.on('connect', () => socket.emit('election:watch', 'ge2019'));
  await new Promise((resolve) => socket.once('state:snapshot', resolve));
  const update = new Promise<CompactUpdate>((resolve) => socket.once('election:updated', resolve));
  await declare(url, results.at(-1)!);
  const sample = await update;
  socket.close();
  return sample;
}

/** The state:snapshot a new viewer receives, as it comes over the socket. */
async function snapshotOverSocket(url: string): Promise<CompactSnapshot> {
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  socket.on('connect', () => socket.emit('election:watch', 'ge2019'));
  const snapshot = await new Promise<CompactSnapshot>((resolve) => socket.once('state:snapshot', resolve));
  socket.close();
  return snapshot;
}

async function fanout(n: number) {
  console.log(`\n--- ${n.toLocaleString('en-GB')} viewers (${2 * swarmProcesses(Math.ceil(n / 2))} viewer processes) ---`);
  const { server, results } = await startNightServer();
  const payload = await sampleUpdate(server.url, results);
  const ours = await socketIoRun([server.url], server.url, n, results, server.child.pid!);
  const broadcasts = serverBroadcasts(server.output(), n);
  await server.kill('SIGTERM');
  const floor = await wsFloorRun(n, payload);
  console.log(
    `update message: ${kb(Buffer.byteLength(JSON.stringify(payload)))}; ` +
      `connecting ${n} viewers (with snapshots) took ${ms(ours.connectMs)}, ${ours.failed} failed; missed updates: ${ours.missed}`,
  );
  console.log(line(`socket.io, one declaration (median of ${SINGLES})`, ours.singles));
  console.log(line('bare ws, one broadcast (floor)', floor.singles));
  console.log(
    `ratio socket.io / ws:  p99 ${(ours.singles.p99 / floor.singles.p99).toFixed(2)}x   last ` +
      `${(ours.singles.last / floor.singles.last).toFixed(2)}x`,
  );
  const singles = broadcasts.slice(0, SINGLES);
  const median = (values: number[]) => ms(spread(values).p50);
  console.log(
    `server send loop for one update, median: ours ${median(singles.map((b) => b.loopMs))} (its own CPU ` +
      `${median(singles.map((b) => b.cpuMs))}), ws ${ms(floor.singleLoopMs)} (CPU ${ms(floor.singleCpuMs)})`,
  );
  const [atOnce, overASecond] = burstsIn(broadcasts.slice(SINGLES));
  const told = (label: string, list: typeof broadcasts) =>
    console.log(
      `${label} went out in ${list.length} broadcast(s) carrying ${list.map((b) => b.updates).join(' + ')} updates, ` +
        `send loops ${list.map((b) => ms(b.loopMs)).join(', ')}`,
    );
  told('the burst posted at once', atOnce);
  console.log(
    `burst of ${BURST} declarations posted at once: the ${BURST} 201s took ${ms(ours.burstEntryMs)}; ` +
      `last viewer has all ${ms(ours.burstLast)} after the first POST, ${ms(ours.burstAfterAcks)} after the last 201`,
  );
  console.log(`  floor: ws ten broadcasts ${ms(floor.tenBroadcasts)}; ws one broadcast carrying ten ${ms(floor.oneCarryingTen)}`);
  console.log(
    `  ratio (after the last 201) / one ws broadcast carrying ten: ${(ours.burstAfterAcks / floor.oneCarryingTen).toFixed(2)}x; ` +
      `/ one single ws broadcast: ${(ours.burstAfterAcks / floor.singles.last).toFixed(2)}x`,
  );
  told(`${BURST} declarations posted over one second, one every ${1000 / BURST} ms,`, overASecond);
  console.log(
    `  last viewer has all ${ms(ours.spreadBurst.last)} after the first POST, ` +
      `${ms(ours.spreadBurst.afterAcks)} after the last 201 (${(ours.spreadBurst.afterAcks / floor.singles.last).toFixed(2)}x one single ` +
      `ws broadcast)`,
  );
  const { memory: a } = ours;
  const { memory: b } = floor;
  console.log(`server memory per viewer (RSS growth): socket.io / ws`);
  console.log(
    `  all ${n}, lowest of 6 readings over 3 s: ${kb(a.perViewer)} / ${kb(b.perViewer)}; after a full collection: ` +
      `${kb(a.perViewerCollected)} / ${kb(b.perViewerCollected)}`,
  );
  console.log(`  the second ${n - Math.floor(n / 2)} alone, after a full collection: ${kb(a.secondHalf)} / ${kb(b.secondHalf)}`);
}

async function entryAndSnapshot() {
  console.log('\n--- entry: the whole 650-seat night posted as fast as the server acknowledges ---');
  const { server, results } = await startNightServer();
  const { each, totalMs: total } = await enterNight(server.url, results);
  const s = spread(each);
  console.log(
    `${results.length} declarations in ${(total / 1000).toFixed(2)} s (${(results.length / (total / 1000)).toFixed(0)}/s); ` +
      `per request p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.last)}`,
  );

  console.log('\n--- the state a new viewer receives (650 declared seats) ---');
  const text = await (await fetch(`${server.url}/api/elections/ge2019/state`)).text();
  const state = JSON.parse(text) as ElectionState;
  const part = (value: unknown) =>
    `${kb(Buffer.byteLength(JSON.stringify(value)))} raw, ${kb(gzipSync(JSON.stringify(value)).length)} gzip`;
  console.log(`whole state (GET /state): ${part(state)}`);
  console.log(
    `  of which seats (names, baselines): ${part(state.seats)}; seatStates: ${part(state.seatStates)}; house: ${part(state.house)}`,
  );
  const compact = await snapshotOverSocket(server.url);
  const reference = (await (await fetch(`${server.url}/api/elections/ge2019/reference`)).json()) as NightReference;
  console.log(`compact snapshot (state:snapshot): ${part(compact)}; of which seats: ${part(compact.seats)}`);
  console.log(`  reference (GET /reference, fetched once per version): ${part(reference)}`);
  const withoutLists = compactSnapshot(expandSnapshot(compact, reference), { ...reference, candidates: {} });
  console.log(`  compact snapshot had no candidate lists been imported (names not in the baseline sent in full): ${part(withoutLists)}`);

  const swarm = startSwarm({ mode: 'socketio', urls: [server.url], viewers: 1000, processes: 4, concurrency: 250 });
  const ready = await swarm.ready;
  console.log(
    `1,000 viewers connecting at once (compact snapshots; the reference is a browser's one-off fetch, not counted): ` +
      `the last had its snapshot after ${ms(ready.finished - ready.started)} (${ready.failed} failed)`,
  );
  await swarm.close();
  await server.kill('SIGTERM');
}

async function redisFanout(n: number) {
  console.log(`\n--- beyond one machine: ${n.toLocaleString('en-GB')} viewers on 1 fan-out process, then on 2 (writer + Redis) ---`);
  const redis = await startRedis(await freePort());
  try {
    for (const fanouts of [1, 2]) {
      const { dbPath, results } = night2019();
      const env = { REDIS_URL: redis.url, ELECTION_API_TOKEN: BENCH_TOKEN, HTTP_MAX_CONNECTIONS_PER_ADDRESS: '0' };
      const { writer, fanouts: processes } = await startWriterAndFanouts({ env, dbPath, fanouts });
      const run = await socketIoRun(
        processes.map((p) => p.url),
        writer.url,
        n,
        results,
      );
      console.log(line(`${fanouts} fan-out process${fanouts > 1 ? 'es' : ''}, one declaration`, run.singles));
      console.log(
        `${''.padEnd(44)} burst of ${BURST}: last viewer has all ${ms(run.burstLast)} after the first POST (${ms(run.burstAfterAcks)} ` +
          `after the last 201); missed ${run.missed}`,
      );
      for (const p of [...processes, writer]) await p.kill('SIGTERM');
    }
  } finally {
    await redis.stop();
  }
}

console.log(`fan-out bench on ${(await import('node:os')).cpus().length} cores; viewers: ${counts.join(', ')}`);
for (const n of counts) await fanout(n);
await entryAndSnapshot();
if (withRedis) await redisFanout(Math.min(counts[0], 2000));
