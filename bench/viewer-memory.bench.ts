/**
 * Heap a viewer's connection keeps on the server (ADR 0034): N WebSocket viewers of a declared 2019
 * night, each with a browser's headers (User-Agent, Accept-Language, Origin), each having watched the
 * election and had its snapshot; the server's heap in use after a full collection, before and after.
 *   npm run bench -- viewer-memory [viewers=2000] [runs=2]
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { freePort, startChild, type ChildServer } from '../tests/support/child-server.ts';
import { BENCH_TOKEN, night2019 } from './night.ts';
import { kb } from './stats.ts';

const viewers = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 2);
const CONCURRENCY = 50;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** The server's heap in use after a full collection (bench/collect-on-signal.mjs). */
async function heapUsed(server: ChildServer): Promise<number> {
  const printed = () => [...server.output().matchAll(/HEAP USED (\d+)/g)].map((m) => Number(m[1]));
  const before = printed().length;
  server.child.kill('SIGUSR2');
  while (printed().length === before) await sleep(100);
  return printed().at(-1)!;
}

async function connectViewer(url: string): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { 'User-Agent': USER_AGENT, 'Accept-Language': 'en-GB,en;q=0.9', Origin: url },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('state:snapshot', () => resolve());
    socket.once('connect', () => socket.emit('election:watch', 'ge2019'));
  });
  return socket;
}

async function run(): Promise<number> {
  const { dbPath } = night2019();
  const server = await startChild({
    port: await freePort(),
    env: { DATABASE_PATH: dbPath, ELECTION_API_TOKEN: BENCH_TOKEN, HTTP_MAX_CONNECTIONS_PER_ADDRESS: '0' },
    nodeArgs: ['--expose-gc', '--import', new URL('./collect-on-signal.mjs', import.meta.url).pathname],
    ready: /Election night:/,
  });
  const sockets: Socket[] = [];
  try {
    // A few viewers first, so the one-off costs of the first connections are paid before the reading.
    for (let i = 0; i < 20; i++) sockets.push(await connectViewer(server.url));
    await sleep(1000);
    const before = await heapUsed(server);
    for (let i = 0; i < viewers; i += CONCURRENCY) {
      const batch = Array.from({ length: Math.min(CONCURRENCY, viewers - i) }, () => connectViewer(server.url));
      sockets.push(...(await Promise.all(batch)));
    }
    await sleep(2000);
    const after = await heapUsed(server);
    return (after - before) / viewers;
  } finally {
    for (const socket of sockets) socket.close();
    await server.kill();
  }
}

const figures: number[] = [];
for (let i = 0; i < runs; i++) figures.push(await run());
console.log(`Heap per viewer on the server, ${viewers} WebSocket viewers with a browser's headers, after a full collection:`);
console.log(`  ${figures.map(kb).join(', ')}`);
process.exit(0);
