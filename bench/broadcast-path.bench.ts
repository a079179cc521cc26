/**
 * The two broadcast paths of server/realtime/direct-frames.ts side by side, in one process, to the
 * same viewers, taken in turn (ADR 0026), printed, never asserted:
 *   npm run bench -- broadcast-path            2,000 viewers, 20 broadcasts on each path
 *   npm run bench -- broadcast-path 5000 30
 * The figure is the server process's own CPU from a broadcast until every viewer has it (the viewers
 * are other processes), so engine.io's per-viewer callbacks after the write count too.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { createBroadcaster, readInstalled } from '../server/realtime/direct-frames.ts';
import { ms, spread } from './stats.ts';

const [mode, ...rest] = process.argv.slice(2);

if (mode === 'viewers') {
  // A child: `count` socket.io-client viewers, each message's arrival counted and told to the parent.
  const [url, count] = [rest[0], Number(rest[1])];
  let connected = 0;
  const seen = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const viewer = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    viewer.on('connect', () => ++connected === count && process.send!({ type: 'ready' }));
    viewer.on('election:updated', ({ seq }: { seq: number }) => {
      const n = (seen.get(seq) ?? 0) + 1;
      seen.set(seq, n);
      if (n === count) process.send!({ type: 'all', seq });
    });
    // Connections opened a few at a time: a burst of thousands at once is refused by the kernel's backlog.
    if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.on('message', (message: { type: string }) => message.type === 'exit' && process.exit(0));
} else {
  const viewers = Number(mode ?? 2000) || 2000;
  const rounds = Number(rest[0] ?? 20) || 20;
  const http = createServer();
  const io = new Server(http, { serveClient: false, perMessageDeflate: false });
  io.on('connection', (socket) => socket.join('r'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  const processes = Math.max(2, Math.ceil(viewers / 1500));
  const children = Array.from({ length: processes }, (_, i) =>
    fork(import.meta.filename, ['viewers', url, String(Math.floor(viewers / processes) + (i < viewers % processes ? 1 : 0))], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const waitAll = (type: string, seq?: number) =>
    Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            const listener = (message: { type: string; seq?: number }) => {
              if (message.type !== type || message.seq !== seq) return;
              child.off('message', listener);
              resolve();
            };
            child.on('message', listener);
          }),
      ),
    );
  await waitAll('ready');
  const direct = createBroadcaster(io, { warn: () => {} });
  const installed = readInstalled();
  const supported = createBroadcaster(io, { warn: () => {}, internals: { ...installed, Sender: undefined } });
  const figures = { direct: { cpu: [] as number[], loop: [] as number[] }, 'socket.io': { cpu: [] as number[], loop: [] as number[] } };
  let seq = 0;
  // A payload the size of an update early in the night (0.4 KB).
  const payload = { line: 'LAB GAIN FROM CON'.padEnd(380, '.') };
  for (let round = 0; round < rounds; round++) {
    for (const broadcaster of round % 2 ? [direct, supported] : [supported, direct]) {
      const arrived = waitAll('all', ++seq);
      const cpu = process.cpuUsage();
      const started = performance.now();
      broadcaster.broadcast('r', 'election:updated', { ...payload, seq });
      figures[broadcaster.path].loop.push(performance.now() - started);
      await arrived;
      const { user, system } = process.cpuUsage(cpu);
      figures[broadcaster.path].cpu.push((user + system) / 1000);
    }
  }
  console.log(`${viewers} WebSocket viewers in ${processes} processes, ${rounds} broadcasts on each path, taken in turn`);
  for (const [path, { cpu, loop }] of Object.entries(figures)) {
    console.log(
      `${path.padEnd(10)} server CPU until every viewer has it: median ${ms(spread(cpu).p50)} (p95 ${ms(spread(cpu).p95)}); ` +
        `send loop median ${ms(spread(loop).p50)}`,
    );
  }
  console.log(`socket.io's path / direct, CPU: ${(spread(figures['socket.io'].cpu).p50 / spread(figures.direct.cpu).p50).toFixed(2)}x`);
  for (const child of children) child.send({ type: 'exit' });
  io.close();
}
