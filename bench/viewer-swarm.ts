/**
 * One process of bench viewers: `count` real socket.io-client connections
 * (or bare `ws` ones, for the floor) to one server, each watching the
 * election and noting when every numbered update reaches it. Driven by its
 * parent over IPC (bench/swarm.ts); times are performance.timeOrigin + now(),
 * one clock for every process on this machine.
 *   node --import tsx bench/viewer-swarm.ts socketio|ws URL COUNT ELECTION CONCURRENCY
 */
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import type { CompactUpdate } from '../shared/protocol/compact-update.ts';

const [mode, url, countText, election, concurrencyText] = process.argv.slice(2);
const count = Number(countText);
const concurrency = Number(concurrencyText);
const now = () => performance.timeOrigin + performance.now();
const received = new Map<number, number[]>();
const closers: Array<() => void> = [];

function record(seq: number) {
  let times = received.get(seq);
  if (!times) received.set(seq, (times = []));
  times.push(now());
  if (times.length === count) process.send!({ type: 'all', seq });
}

function socketIoViewer(): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 60_000 });
    closers.push(() => socket.close());
    socket.on('connect', () => socket.emit('election:watch', election));
    socket.once('state:snapshot', () => resolve());
    socket.once('connect_error', reject);
    socket.on('election:updated', (update: CompactUpdate) => record(update.seq));
    socket.on('election:updates', (updates: CompactUpdate[]) => updates.forEach((u) => record(u.seq)));
  });
}

function wsViewer(): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    closers.push(() => socket.terminate());
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as CompactUpdate | CompactUpdate[];
      if (Array.isArray(message)) message.forEach((u) => record(u.seq));
      else record(message.seq);
    });
  });
}

async function connectAll() {
  const started = now();
  let next = 0;
  let failed = 0;
  const connectOne = mode === 'ws' ? wsViewer : socketIoViewer;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        next++;
        await connectOne().catch(() => failed++);
      }
    }),
  );
  process.send!({ type: 'ready', started, finished: now(), failed });
}

process.on('message', (message: { type: string; seqs?: number[] }) => {
  if (message.type === 'report') {
    const times = Object.fromEntries(message.seqs!.map((seq) => [seq, received.get(seq) ?? []]));
    process.send!({ type: 'report', times });
  } else if (message.type === 'close') {
    for (const close of closers) close();
    process.exit(0);
  }
});

void connectAll();
