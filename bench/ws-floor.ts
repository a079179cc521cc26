/**
 * The floor: a bare `ws` server that broadcasts what its parent hands it,
 * with nothing of socket.io's (no rooms, no packets, no acks). Run as a
 * child so its memory is its own.
 *   node --import tsx bench/ws-floor.ts PORT
 */
import { WebSocketServer } from 'ws';

const server = new WebSocketServer({ port: Number(process.argv[2]), host: '127.0.0.1', perMessageDeflate: false });
const now = () => performance.timeOrigin + performance.now();

server.on('listening', () => process.send!({ type: 'listening' }));
process.on('message', (message: { type: string; payloads?: string[] }) => {
  if (message.type === 'collect') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ type: 'collected' });
    return;
  }
  if (message.type !== 'broadcast') return;
  const started = now();
  const cpu = process.cpuUsage();
  for (const payload of message.payloads!) {
    for (const client of server.clients) client.send(payload);
  }
  const { user, system } = process.cpuUsage(cpu);
  process.send!({ type: 'sent', started, loopMs: now() - started, cpuMs: (user + system) / 1000 });
});
