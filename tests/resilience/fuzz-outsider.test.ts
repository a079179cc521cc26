/**
 * The fuzz of fuzz.test.ts varied bodies; an outsider varies everything
 * else. Here seeded requests with hostile headers (cookies, authorization,
 * CSRF token, Origin, forwarding headers, conditional headers), query
 * strings, socket.io handshakes (cookies, auth and query payloads, bare
 * engine.io handshakes) and socket events with arguments of every shape,
 * against each process role: a single server, and a writer with a fan-out
 * process behind Redis. None may get a 5xx, report a fault (a handler that
 * threw), end the process, or change the database.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededRandom } from '../../server/cli/replay-night.ts';
import { freePort, startChild, type ChildServer } from '../support/child-server.ts';
import { type RedisProcess } from '../support/redis-server.ts';
import { startScaleOut } from '../support/scale-out.ts';
import { tempDir, TEST_TOKEN } from '../support/server.ts';

const SEED = 20_240_704;
const REQUESTS = 2_000;
const SOCKETS = 12;
const EVENTS_PER_SOCKET = 60;

function databaseDigest(file: string): string {
  const db = new Database(file, { readonly: true });
  const hash = createHash('sha256');
  for (const table of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]) {
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  db.close();
  return hash.digest('hex');
}

function hostile(seed: number) {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const junk = () =>
    pick([
      '%',
      '%E0%A4%A',
      '%%%',
      '"',
      '\\',
      '=',
      ';;;',
      'a'.repeat(int(6000)),
      '=?utf-8?b?AAAA?=',
      '__proto__',
      'constructor',
      '[object Object]',
      '../../etc/passwd',
      '${jndi:ldap://x}',
      'é'.repeat(20),
      String(int(1e9)),
      '',
    ]);
  const cookie = () =>
    pick([
      `election_session=${junk()}`,
      `election_session=${junk()}; election_session=${junk()}`,
      `${junk()}=${junk()}`,
      `election_session`,
      `=${junk()}`,
      Array.from({ length: int(50) }, (_, i) => `c${i}=${junk()}`).join('; '),
    ]);
  const headers = (): Record<string, string> => {
    const h: Record<string, string> = {};
    const add = (name: string, value: () => string) => {
      if (random() < 0.5) h[name] = value();
    };
    add('cookie', cookie);
    add('authorization', () => pick(['Bearer', 'Bearer ', `Bearer ${junk()}`, `Basic ${junk()}`, junk(), `Bearer ${TEST_TOKEN}x`]));
    add('x-csrf-token', junk);
    add('origin', () => pick(['null', 'http://evil.example', junk(), 'http://127.0.0.1']));
    add('x-forwarded-for', () => pick([junk(), '1.2.3.4, 5.6.7.8', '::1', '999.1.1.1']));
    add('x-forwarded-proto', () => pick(['https', 'http', junk()]));
    add('if-none-match', () => pick(['*', 'W/"x"', junk(), '"a", "b"']));
    add('accept-encoding', () => pick(['br', 'gzip;q=0', junk(), '*']));
    add('content-type', () => pick(['application/json', 'text/plain', 'application/json; charset=latin1', junk()]));
    // Node's client refuses control characters in header values; these are what reaches a server through it.
    for (const [name, value] of Object.entries(h)) h[name] = value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '');
    return h;
  };
  const query = () =>
    pick([
      '',
      `?since=${junk()}`,
      '?since=-1',
      '?since=1e400',
      '?since=1&since=2',
      '?since[]=1',
      `?seat=${junk()}&editor=${junk()}&kind=${junk()}`,
      `?election=${junk()}`,
      `?${junk()}=${junk()}`,
      '?__proto__[x]=1',
    ]);
  const route = () =>
    pick<[string, string]>([
      ['GET', '/api/session'],
      ['POST', '/api/session'],
      ['DELETE', '/api/session'],
      ['GET', '/api/elections'],
      ['GET', '/api/elections/ge2017/state'],
      ['GET', '/api/elections/ge2017/reference'],
      ['GET', '/api/elections/ge2017/feed.json'],
      ['GET', '/api/elections/ge2017/feed.atom'],
      ['GET', '/api/elections/ge2017/desk'],
      ['GET', '/api/elections/ge2017/audit'],
      ['GET', '/api/elections/ge2017/audit.csv'],
      ['GET', '/api/elections/ge2017/seats/E14000654/versions'],
      ['GET', '/api/elections/ge2017/candidates'],
      ['GET', '/api/elections/ge2017/hexmap'],
      ['PUT', '/api/elections/ge2017/mode'],
      ['PUT', '/api/elections/ge2017/screen'],
      ['POST', '/api/elections/ge2017/declarations'],
      ['POST', '/api/elections/ge2017/seats/E14000654/recount'],
      ['POST', '/api/elections/ge2017/pending/1/confirm'],
      ['GET', '/api/users'],
      ['POST', '/api/tokens'],
      ['POST', '/api/party-continuity'],
      ['GET', '/socket.io/'],
      ['POST', '/socket.io/'],
      ['GET', '/'],
      ['GET', '/embed/seat'],
    ]);
  const body = () => pick([undefined, '{}', '{"username":"admin","password":"x"}', junk(), '{"mode":"live"}', '[]', 'null']);
  const engineQuery = () =>
    pick([
      `?EIO=${junk()}&transport=polling`,
      `?EIO=4&transport=${junk()}`,
      `?EIO=4&transport=polling&sid=${junk()}`,
      `?EIO=4&transport=websocket`,
      `?EIO=3&transport=polling&b64=1`,
      `?EIO=4&transport=polling&j=${junk()}`,
    ]);
  const argument = (): unknown =>
    pick<() => unknown>([
      () => null,
      () => undefined,
      () => int(1e9),
      () => -1,
      () => junk(),
      () => 'ge2017',
      () => 'E14000654',
      () => [],
      () => ({}),
      () => ({ toString: 'x', valueOf: 1 }),
      () => ({ __proto__: { admin: true } }),
      () => [['ge2017']],
      () => true,
      () => 'x'.repeat(int(15_000)),
    ])();
  return { int, pick, junk, cookie, headers, query, route, body, engineQuery, argument };
}

function send(
  url: string,
  method: string,
  route: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const request = http.request(url + route, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode!, text: Buffer.concat(chunks).toString().slice(0, 300) }));
      response.on('error', () => resolve({ status: 0, text: 'response error' }));
    });
    // A connection the server closed on a bad request is an answer, not a 5xx.
    request.on('error', (error) => resolve({ status: 0, text: error.message }));
    request.end(body);
  });
}

type Loose = Socket & { emit(event: string, ...args: unknown[]): Socket };

/** Sockets with hostile handshakes, each sending every event with arguments of every shape. */
async function socketFuzz(url: string, fuzz: ReturnType<typeof hostile>): Promise<number> {
  let sent = 0;
  const sockets = Array.from(
    { length: SOCKETS },
    (_, i) =>
      connect(url, {
        transports: i % 3 === 0 ? ['polling'] : ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie: fuzz.cookie() },
        auth: fuzz.pick<Record<string, unknown>>([{}, { token: fuzz.junk() }, { token: {} }, { __proto__: null }]),
        query: { [fuzz.junk() || 'q']: fuzz.junk() },
      }) as Loose,
  );
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.once('connect', () => resolve());
          s.once('connect_error', () => resolve());
        }),
    ),
  );
  const events = [
    'election:watch',
    'state:request',
    'desk:join',
    'seat:editing',
    'disconnecting',
    'connect',
    'error',
    '__proto__',
    'constructor',
  ];
  for (const socket of sockets) {
    if (!socket.connected) continue;
    for (let i = 0; i < EVENTS_PER_SOCKET; i++) {
      const args = Array.from({ length: fuzz.int(4) }, () => fuzz.argument());
      // An acknowledgement in any place, or none.
      if (fuzz.int(2) === 0) args.splice(fuzz.int(args.length + 1), 0, () => {});
      try {
        socket.emit(fuzz.pick(events), ...args);
        sent++;
      } catch {
        // socket.io-client refuses reserved event names itself; nothing reached the server.
      }
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
  for (const s of sockets) s.close();
  return sent;
}

async function httpFuzz(url: string, fuzz: ReturnType<typeof hostile>) {
  const serverErrors: string[] = [];
  let answered = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < REQUESTS) {
        next++;
        const engine = fuzz.int(6) === 0;
        const [method, route] = engine ? [fuzz.pick(['GET', 'POST']), '/socket.io/' + fuzz.engineQuery()] : fuzz.route();
        const answer = await send(
          url,
          method,
          engine ? route : route + fuzz.query(),
          fuzz.headers(),
          method === 'GET' ? undefined : fuzz.body(),
        );
        answered++;
        if (answer.status >= 500) serverErrors.push(`${method} ${route} -> ${answer.status} ${answer.text}`);
      }
    }),
  );
  return { answered, serverErrors };
}

const noFaults = (child: ChildServer) => expect(child.output()).not.toMatch(/fault in|URIError|TypeError|RangeError|\n\s+at /);

describe('hostile headers, query strings, handshakes and socket arguments', () => {
  describe('against a single server', () => {
    const dbPath = path.join(tempDir('election-fuzz-outsider-'), 'fuzz.sqlite');
    let server: ChildServer;
    let before: string;
    let result: { answered: number; serverErrors: string[] };
    let socketEvents = 0;

    beforeAll(async () => {
      server = await startChild({
        port: await freePort(),
        env: { DATABASE_PATH: dbPath, ELECTION_API_TOKEN: TEST_TOKEN },
        ready: /Election night:/,
      });
      // Sessions and logins in memory only: no row may change.
      before = databaseDigest(dbPath);
      const fuzz = hostile(SEED);
      result = await httpFuzz(server.url, fuzz);
      socketEvents = await socketFuzz(server.url, fuzz);
    }, 180_000);
    afterAll(async () => {
      await server?.kill('SIGTERM');
    });

    test('answers every request below 500', () => {
      expect(result.answered).toBe(REQUESTS);
      expect(result.serverErrors).toEqual([]);
    });

    test('takes every socket event without a fault, stays up and still serves a viewer', async () => {
      expect(socketEvents).toBeGreaterThan(SOCKETS * EVENTS_PER_SOCKET * 0.5);
      expect(server.child.exitCode).toBeNull();
      noFaults(server);
      expect((await fetch(`${server.url}/api/elections/ge2017/state`)).status).toBe(200);
    });

    test('leaves every row of the database as it was', () => {
      expect(databaseDigest(dbPath)).toBe(before);
    });
  });

  describe('against a writer and a fan-out process behind Redis', () => {
    let redis: RedisProcess;
    let writer: ChildServer;
    let fanout: ChildServer;
    let writerResult: { answered: number; serverErrors: string[] };
    let fanoutResult: { answered: number; serverErrors: string[] };

    beforeAll(async () => {
      ({
        redis,
        writer,
        fanouts: [fanout],
      } = await startScaleOut());
      const fuzz = hostile(SEED + 1);
      fanoutResult = await httpFuzz(fanout.url, fuzz);
      await socketFuzz(fanout.url, fuzz);
      writerResult = await httpFuzz(writer.url, fuzz);
      await socketFuzz(writer.url, fuzz);
    }, 240_000);
    afterAll(async () => {
      for (const child of [fanout, writer]) await child?.kill('SIGTERM');
      await redis?.stop();
    });

    test('neither process answers a 5xx or reports a fault, and both stay up', () => {
      expect(fanoutResult.serverErrors).toEqual([]);
      expect(writerResult.serverErrors).toEqual([]);
      for (const child of [writer, fanout]) {
        expect(child.child.exitCode).toBeNull();
        noFaults(child);
      }
    });

    test('the fan-out process still brings a declaration to a viewer', async () => {
      const viewer = connect(fanout.url, { transports: ['websocket'], forceNew: true });
      try {
        const snapshot = new Promise((resolve) => viewer.once('state:snapshot', resolve));
        viewer.emit('election:watch', 'ge2017');
        await snapshot;
        const updated = new Promise((resolve) => viewer.once('election:updated', resolve));
        const response = await fetch(`${writer.url}/api/elections/ge2017/declarations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
          body: JSON.stringify({
            seat: 'E14000654',
            candidates: [
              { name: 'Alex Example', party: 'Lab', votes: 20_000 },
              { name: 'Sam Sample', party: 'Con', votes: 18_000 },
            ],
          }),
        });
        expect(response.status).toBe(201);
        await updated;
      } finally {
        viewer.close();
      }
    });
  });
});
