/**
 * Ten thousand and more malformed requests and socket messages against a
 * real server process: each is refused with a 4xx naming the problem (or,
 * on a socket, answered with an error or dropped), the process stays up,
 * its memory stays flat and not one row of the database changes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { io as connect, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import { freePort, startChild, type ChildServer } from '../support/child-server.ts';
import { tempDir, TEST_TOKEN } from '../support/server.ts';
import { createFuzz, DECLARED_IN_FUZZ, type HttpCase } from './fuzz-cases.ts';

const SEED = 20_191_212;
const HTTP_CASES = 9_000;
const SOCKET_MESSAGES = 1_500;
const RAW_FRAMES = 300;
const HUGE_BODIES = 4;
const CONCURRENCY = 16;

/** sha256 over every row of every table, in primary-key order. */
function databaseDigest(file: string): string {
  const db = new Database(file, { readonly: true });
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    hash.update(`\n${table}\n`);
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  db.close();
  return hash.digest('hex');
}

function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

interface Refusal {
  what: string;
  status: number;
  error: string;
}

async function send(url: string, c: HttpCase): Promise<Refusal> {
  const body = typeof c.body === 'string' || c.body === undefined ? c.body : new Uint8Array(c.body);
  const response = await fetch(url + c.path, { method: c.method, headers: c.headers, body });
  const text = await response.text();
  let error: string;
  try {
    error = String(JSON.parse(text).error ?? '') + ' ' + String(JSON.parse(text).message ?? '');
  } catch {
    error = `(not JSON) ${text.slice(0, 80)}`;
  }
  return { what: c.what, status: response.status, error };
}

describe(`a server sent ${HTTP_CASES + SOCKET_MESSAGES + RAW_FRAMES + HUGE_BODIES} malformed requests and messages`, () => {
  const dbPath = path.join(tempDir('election-fuzz-'), 'fuzz.sqlite');
  const fuzz = createFuzz(SEED, TEST_TOKEN);
  let server: ChildServer;
  let before: string;
  let rssBefore: number;
  let rssAfter: number;
  const wrong: Array<Refusal & { expected: string }> = [];
  const socketAnswers: Array<{ ok: boolean; error?: string }> = [];
  let refusedCount = 0;

  beforeAll(async () => {
    server = await startChild({
      port: await freePort(),
      env: { DATABASE_PATH: dbPath, ELECTION_API_TOKEN: TEST_TOKEN },
      ready: /Election night:/,
    });
    for (const seat of DECLARED_IN_FUZZ) {
      const response = await fetch(`${server.url}/api/elections/ge2017/declarations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
        body: JSON.stringify({ ...fuzz.validDeclaration(), seat }),
      });
      expect(response.status).toBe(201);
    }
    before = databaseDigest(dbPath);

    const cases = Array.from({ length: HTTP_CASES }, () => fuzz.httpCase());
    const check = (c: HttpCase, r: Refusal) => {
      refusedCount++;
      if (!c.status.includes(r.status) || !c.names.test(r.error)) {
        wrong.push({ ...r, expected: `${c.status.join('|')} naming ${c.names}` });
      }
    };
    // A warm-up first, so the memory compared is that of a server already in its stride.
    const warmUp = cases.splice(0, 1_000);
    for (const c of warmUp) check(c, await send(server.url, c));
    rssBefore = residentBytes(server.child.pid!);

    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < cases.length) {
          const c = cases[next++];
          check(c, await send(server.url, c));
        }
      }),
    );
    for (let i = 0; i < HUGE_BODIES; i++) {
      const c = fuzz.hugeCase();
      // The server may close the connection once it has answered 413, before the 10 MB are sent.
      check(c, await send(server.url, c).catch(() => ({ what: c.what, status: 413, error: 'too large (connection closed)' })));
    }

    // socket.io messages of the wrong shape, from a few clients at once.
    const sockets: Array<Socket<ServerToClientEvents, ClientToServerEvents>> = Array.from({ length: 5 }, () =>
      connect(server.url, { transports: ['websocket'], forceNew: true, reconnection: false }),
    );
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.once('connect', () => resolve(null)))));
    const emits: Array<Promise<void>> = [];
    for (let i = 0; i < SOCKET_MESSAGES; i++) {
      const socket = sockets[i % sockets.length];
      const kind = fuzz.int(4);
      const loose = socket as unknown as { emit(event: string, ...args: unknown[]): void };
      if (kind === 0) {
        emits.push(
          new Promise((resolve) => {
            loose.emit('election:watch', fuzz.wrongValue(), (reply: { ok: boolean; error?: string }) => {
              socketAnswers.push(reply);
              resolve();
            });
          }),
        );
      } else if (kind === 1) {
        emits.push(
          new Promise((resolve) => {
            loose.emit('election:watch', fuzz.pick(['ge1066', 'nope', 'zz-top']), (reply: { ok: boolean; error?: string }) => {
              socketAnswers.push(reply);
              resolve();
            });
          }),
        );
      } else if (kind === 2) {
        loose.emit(fuzz.pick(['declaration:submit', 'admin', 'state:snapshot', '__proto__', 'x'.repeat(200)]), fuzz.wrongValue());
      } else {
        loose.emit('state:request', fuzz.wrongValue(), fuzz.wrongValue());
      }
    }
    await Promise.all(emits);
    // A message over the 16 KB limit: the server drops the connection that sent it.
    const greedy = sockets[0];
    const dropped = new Promise((resolve) => greedy.once('disconnect', resolve));
    (greedy as unknown as { emit(event: string, ...args: unknown[]): void }).emit('election:watch', 'x'.repeat(64 * 1024));
    await dropped;
    for (const s of sockets) s.close();

    // Raw websocket frames that are not socket.io packets at all.
    for (let i = 0; i < RAW_FRAMES; i += 30) {
      const raw = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
      await new Promise((resolve, reject) => {
        raw.once('open', resolve);
        raw.once('error', reject);
      });
      const closed = new Promise((resolve) => raw.once('close', resolve));
      for (let j = 0; j < 30; j++) {
        raw.send(
          fuzz.pick<string | Buffer>([
            '40',
            '42["election:watch"',
            '42[1,2,3]',
            '4' + 'x'.repeat(fuzz.int(100)),
            '9',
            '',
            Buffer.from([0xff, 0x00, 0xfe]),
            '42' + '['.repeat(5000),
            '451-["election:watch",{"_placeholder":true,"num":9}]',
          ]),
        );
      }
      raw.close();
      await closed;
    }

    await new Promise((resolve) => setTimeout(resolve, 500));
    rssAfter = residentBytes(server.child.pid!);
  }, 120_000);

  afterAll(async () => {
    await server?.kill('SIGTERM');
  });

  test('refuses every malformed request with the 4xx that names its problem', () => {
    expect(refusedCount).toBe(HTTP_CASES + HUGE_BODIES);
    // One of each kind of wrong answer is enough to read.
    const kinds = new Map(wrong.map((w) => [`${w.what.slice(0, 30)} ${w.status} ${w.expected}`, w]));
    expect([...kinds.values()]).toEqual([]);
  });

  test('answers a socket watch of a bad election with an error naming the election', () => {
    expect(socketAnswers.length).toBeGreaterThan(0);
    for (const answer of socketAnswers) {
      expect(answer.ok).toBe(false);
      expect(answer.error).toMatch(/election/);
    }
  });

  test('stays up and still serves a viewer', async () => {
    expect(server.child.exitCode).toBeNull();
    const state = await (await fetch(`${server.url}/api/elections/ge2017/state`)).json();
    expect(state.seq).toBe(DECLARED_IN_FUZZ.length);
    expect(server.output()).not.toMatch(/the server failed|TypeError|RangeError/);
  });

  test('keeps its memory flat (within 64 MB of where it stood after the warm-up)', () => {
    expect(rssAfter - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  test('leaves every row of the database as it was', () => {
    expect(databaseDigest(dbPath)).toBe(before);
  });
});
