/**
 * One hostile process on loopback, doing one thing the review found for a
 * set time, then stopping by itself (bench/hostile.bench.ts runs it):
 *   node --import tsx bench/hostile-attacker.ts ATTACK URL SECONDS
 * Every loop is bounded in count and time, and it only ever talks to URL.
 */
import http from 'node:http';
import net from 'node:net';
import WebSocket from 'ws';
import { io as connect } from 'socket.io-client';

/** The attacker's own loopback address, so per-address limits count it and not the newsroom (127.0.0.1). */
export const ATTACKER_ADDRESS = '127.0.0.66';

const [attack, url, secondsText] = process.argv.slice(2);
const until = Date.now() + Number(secondsText) * 1000;
const { hostname: host, port: portText } = new URL(url);
const port = Number(portText);
const running = () => Date.now() < until;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let attempts = 0;
let refused = 0;

/** An HTTP request from the attacker's address; resolves with the status (0 when refused). */
function send(
  method: string,
  path: string,
  { body, headers = {} }: { body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const request = http.request(url + path, { method, headers, localAddress: ATTACKER_ADDRESS, agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, text }));
      response.on('error', () => resolve({ status: 0, text: '' }));
    });
    request.setTimeout(10_000, () => request.destroy());
    request.on('error', () => {
      refused++;
      resolve({ status: 0, text: '' });
    });
    request.end(body);
  });
}

/** A raw request on its own TCP connection; `read` false never reads the answer. */
function raw(payload: string, { read = true, keep = false } = {}): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host, localAddress: ATTACKER_ADDRESS }, () => socket.write(payload));
    if (!read) socket.pause();
    socket.on('error', () => {
      refused++;
      resolve();
    });
    socket.on('close', () => resolve());
    if (read && !keep) socket.on('data', () => {});
    setTimeout(
      () => {
        socket.destroy();
        resolve();
      },
      Math.max(0, until - Date.now()),
    ).unref();
  });
}

const attacks: Record<string, () => Promise<void>> = {
  /** Malformed session cookies on sockets (desk:join, seat:editing) and on every signed-in route. */
  async 'bad-cookies'() {
    while (running()) {
      const socket = connect(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie: 'election_session=%E0%A4%A' },
        localAddress: ATTACKER_ADDRESS,
      } as Parameters<typeof connect>[1]);
      socket.on('connect', () => {
        socket.emit('desk:join', 'ge2019');
        socket.emit('seat:editing', 'E14000654');
      });
      await send('GET', '/api/elections/ge2019/desk', { headers: { cookie: 'election_session=%' } });
      attempts++;
      await pause(20);
      socket.close();
    }
  },

  /** 600 websockets that watch, ask for the state every second and answer pings, but never read. */
  async 'stalled-websockets'() {
    const sockets = new Set<WebSocket>();
    const open = () => {
      if (!running()) return;
      const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { localAddress: ATTACKER_ADDRESS });
      sockets.add(ws);
      attempts++;
      ws.on('open', () => {
        ws.send('40');
        ws.send(`42${JSON.stringify(['election:watch', 'ge2019'])}`);
        (ws as unknown as { _socket: net.Socket })._socket.pause();
      });
      ws.on('error', () => refused++);
      ws.on('close', () => {
        sockets.delete(ws);
        setTimeout(open, 1000).unref(); // comes back, as an attacker would
      });
    };
    for (let i = 0; i < 600; i++) open();
    let tick = 0;
    while (running()) {
      await pause(1000);
      tick++;
      for (const ws of sockets) {
        if (ws.readyState !== WebSocket.OPEN) continue;
        ws.send('42["state:request"]');
        if (tick % 20 === 0) ws.send('3'); // a pong, sent blind: it never reads the ping
      }
    }
    for (const ws of sockets) ws.terminate();
  },

  /** Long-polling clients that watch and never come back for what they are sent. */
  async 'stalled-polling'() {
    const sids: string[] = [];
    const base = '/socket.io/?EIO=4&transport=polling';
    for (let i = 0; i < 300 && running(); i++) {
      const handshake = await send('GET', base);
      if (handshake.status !== 200) continue;
      const { sid } = JSON.parse(handshake.text.slice(handshake.text.indexOf('{'))) as { sid: string };
      await send('POST', `${base}&sid=${sid}`, { body: '40' });
      await send('POST', `${base}&sid=${sid}`, { body: `42${JSON.stringify(['election:watch', 'ge2019'])}` });
      sids.push(sid);
      attempts++;
    }
    let tick = 0;
    while (running()) {
      await pause(1000);
      tick++;
      await Promise.all(sids.map((sid) => send('POST', `${base}&sid=${sid}`, { body: tick % 20 === 0 ? '3' : '42["state:request"]' })));
    }
  },

  /** 400 failed sign-ins at once, again and again. */
  async 'login-flood'() {
    while (running()) {
      const wave = Array.from({ length: 400 }, (_, i) =>
        send('POST', '/api/session', {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `guess${i}`, password: 'not the password' }),
        }).then((r) => r.status === 401 || refused++),
      );
      attempts += 400;
      await Promise.all(wave);
    }
  },

  /** 1,000 pipelined GET /state in one write, and 20 connections of 500 pipelined requests never read. */
  async 'pipelined-reads'() {
    const one = `GET /api/elections/ge2019/state HTTP/1.1\r\nHost: ${host}\r\n\r\n`;
    while (running()) {
      attempts += 1000 + 20 * 500;
      await Promise.all([raw(one.repeat(1000)), ...Array.from({ length: 20 }, () => raw(one.repeat(500), { read: false }))]);
    }
  },

  /** Bodies trickled a byte every 5 s, and connections that say nothing at all. */
  async 'slow-connections'() {
    const held: net.Socket[] = [];
    while (running() && held.length < 400) {
      const socket = net.connect({ port, host, localAddress: ATTACKER_ADDRESS });
      socket.on('error', () => refused++);
      socket.on('connect', () => {
        if (held.length % 2 === 0)
          socket.write(`POST /api/session HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`);
      });
      held.push(socket);
      attempts++;
      await pause(25);
    }
    while (running()) {
      for (const socket of held) if (!socket.destroyed) socket.write(' ');
      await pause(5000);
    }
    for (const socket of held) socket.destroy();
  },
};

const run = attacks[attack];
if (!run) {
  console.error(`unknown attack ${attack}: one of ${Object.keys(attacks).join(', ')}`);
  process.exit(2);
}
await run();
console.log(JSON.stringify({ attack, attempts, refused }));
process.exit(0);
