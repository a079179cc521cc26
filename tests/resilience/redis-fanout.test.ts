/**
 * One writer and two fan-out processes joined by Redis (socket.io's Redis
 * adapter): a declaration entered on the writer reaches viewers on both; a
 * fan-out process killed hands its viewers to the other with nothing lost;
 * Redis restarting loses no declaration, as viewers resync from the writer.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ElectionState } from '../../shared/protocol/schemas.ts';
import { labourGainIn } from '../fixtures/declarations.ts';
import { type ChildServer } from '../support/child-server.ts';
import { ConvergentViewer, stateDigest, until } from '../support/convergent-viewer.ts';
import { type RedisProcess } from '../support/redis-server.ts';
import { startScaleOut } from '../support/scale-out.ts';
import { TEST_TOKEN } from '../support/server.ts';

const ADMIN_PASSWORD = 'correct horse battery staple';

describe('a writer and two fan-out processes sharing updates through Redis', () => {
  let redis: RedisProcess;
  let writer: ChildServer;
  let fanouts: ChildServer[] = [];
  let viewers: ConvergentViewer[] = [];
  let seats: string[] = [];

  const writerState = async (): Promise<ElectionState> =>
    (await (await fetch(`${writer.url}/api/elections/ge2017/state`)).json()) as ElectionState;

  const declare = async (seat: string, declaration: object = labourGainIn(seat)) => {
    const response = await fetch(`${writer.url}/api/elections/ge2017/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
      body: JSON.stringify(declaration),
    });
    expect(response.status).toBe(201);
  };

  /** An admin adds a party continuity row on the writer, signed in as a browser would be. */
  const addAlias = async (code: string, target: string) => {
    const json = { 'content-type': 'application/json', origin: writer.url };
    const login = await fetch(`${writer.url}/api/session`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'chief', password: ADMIN_PASSWORD }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const added = await fetch(`${writer.url}/api/party-continuity`, {
      method: 'POST',
      headers: { ...json, cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ code, kind: 'alias', target }),
    });
    expect(added.status).toBe(201);
  };

  /** Every viewer shows exactly the writer's state, having applied no update twice. */
  const converged = async (what: string) => {
    const state = await writerState();
    await until(() => viewers.every((v) => v.digest() === stateDigest(state)), `${what}: every viewer at seq ${state.seq}`);
    for (const viewer of viewers) expect(new Set(viewer.applied).size).toBe(viewer.applied.length);
    return state;
  };

  beforeAll(async () => {
    ({ redis, writer, fanouts } = await startScaleOut({
      fanouts: 2,
      writerEnv: { ELECTION_ADMIN_USER: 'chief', ELECTION_ADMIN_PASSWORD: ADMIN_PASSWORD },
    }));
    const [a, b] = fanouts.map((f) => f.url);
    viewers = [0, 1, 2].flatMap(() => [new ConvergentViewer([a, b], 'ge2017'), new ConvergentViewer([b, a], 'ge2017')]);
    await until(() => viewers.every((v) => v.state !== null), 'the first snapshots');
    seats = (await writerState()).seatStates.filter((s) => s.status === 'undeclared').map((s) => s.code);
  }, 60_000);

  afterAll(async () => {
    for (const viewer of viewers) viewer.close();
    for (const child of [...fanouts, writer]) await child?.kill('SIGTERM');
    await redis?.stop();
  });

  test('brings a declaration entered on the writer to viewers on both fan-out processes', async () => {
    await declare(seats[0]);
    const state = await converged('first declaration');
    expect(state.seq).toBe(1);
    expect(new Set(viewers.map((v) => v.url))).toEqual(new Set(fanouts.map((f) => f.url)));
    for (const viewer of viewers) expect(viewer.applied).toEqual([1]);
  });

  test("answers HTTP on the writer's stack: health, the mirrored reference with its ETag, the writer's headers, and points everything else to the writer", async () => {
    const fanout = fanouts[0].url;
    const health = await fetch(`${fanout}/healthz`);
    expect([health.status, health.headers.get('content-type'), await health.text()]).toEqual([200, 'text/plain', 'ok']);

    const fromWriter = await fetch(`${writer.url}/api/elections/ge2017/reference`, { headers: { 'accept-encoding': 'br' } });
    const reference = await fetch(`${fanout}/api/elections/ge2017/reference`, { headers: { 'accept-encoding': 'br' } });
    expect(reference.status).toBe(200);
    for (const header of [
      'etag',
      'cache-control',
      'vary',
      'content-type',
      'content-encoding',
      'x-content-type-options',
      'content-security-policy',
    ]) {
      expect([header, reference.headers.get(header)]).toEqual([header, fromWriter.headers.get(header)]);
    }
    expect(await reference.json()).toEqual(await fromWriter.json());
    const again = await fetch(`${fanout}/api/elections/ge2017/reference`, { headers: { 'if-none-match': reference.headers.get('etag')! } });
    expect(again.status).toBe(304);

    // A screen's starting state, from the mirror, tagged as the writer tags it (so it may resume on either).
    const snapshotHere = await fetch(`${fanout}/api/elections/ge2017/snapshot`);
    const snapshotThere = await fetch(`${writer.url}/api/elections/ge2017/snapshot`);
    expect(snapshotHere.status).toBe(200);
    expect(snapshotHere.headers.get('etag')).toBe(snapshotThere.headers.get('etag'));
    expect(((await snapshotHere.json()) as { seq: number }).seq).toBe(((await snapshotThere.json()) as { seq: number }).seq);

    const unknown = await fetch(`${fanout}/api/elections/nosuch/reference`);
    expect(unknown.status).toBe(404);
    for (const path of ['/api/elections/ge2017/state', '/api/elections/GE2017/reference', '/entry']) {
      const elsewhere = await fetch(`${fanout}${path}`);
      expect([path, elsewhere.status, ((await elsewhere.json()) as { error: string }).error]).toEqual([
        path,
        404,
        `not served here: ask the writer (${writer.url})`,
      ]);
    }
  });

  test('moves the viewers of a killed fan-out process to the other without losing an update', async () => {
    const killed = fanouts[0];
    const kill = killed.kill('SIGKILL');
    await declare(seats[1]);
    await kill;
    await declare(seats[2]);
    await converged('after a fan-out process died');
    expect(viewers.every((v) => v.url === fanouts[1].url && v.connected)).toBe(true);
  });

  test('loses no declaration while Redis restarts: viewers resync from the writer', async () => {
    const restarting = redis.restart(500);
    await declare(seats[3]);
    await declare(seats[4]);
    await restarting;
    const state = await converged('after Redis restarted');
    expect(state.seq).toBe(5);
    await declare(seats[5]);
    expect((await converged('a declaration after the restart')).seq).toBe(6);
  });

  test('sends every viewer the state again when party continuity changes on the writer', async () => {
    const seat = seats[6];
    await declare(seat, {
      seat,
      candidates: [
        { name: 'Alex Example', party: 'Conservative and Unionist', votes: 20_000 },
        { name: 'Sam Sample', party: 'Lab', votes: 18_000 },
      ],
      newParties: ['Conservative and Unionist'],
    });
    const label = (state: ElectionState) => state.seatStates.find((s) => s.code === seat)!.outcome!.label.text;
    const before = label(await converged('a declaration under a new party name'));
    expect(before).toMatch(/^Conservative and Unionist GAIN/);
    await addAlias('Conservative and Unionist', 'Con');
    // No seq moved: only the resent state brings the new label to the screens.
    const state = await converged('after a new alias');
    expect(state.seq).toBe(7);
    expect(label(state)).toMatch(/^Con (HOLD|GAIN)/);
    for (const viewer of viewers) expect(label(viewer.state!)).toBe(label(state));
  });

  test('keeps acknowledging declarations while Redis is gone for 30 s; fan-out viewers are told they are stale, then converge', async () => {
    const before = (await writerState()).seq;
    const downFor = redis.restart(30_000);
    // Past the Redis client's own timeouts (about 5 s), where an unowned publish used to end the writer.
    await until(() => viewers.every((v) => !v.sourceLive), 'every fan-out viewer told its figures may be stale', 8000);
    for (const seat of seats.slice(7, 10)) {
      await declare(seat);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    expect((await writerState()).seq).toBe(before + 3);
    expect(writer.child.exitCode).toBeNull();
    expect(viewers.every((v) => !v.sourceLive)).toBe(true);
    await downFor;
    await until(() => viewers.every((v) => v.sourceLive), 'the all-clear after Redis came back', 15_000);
    const state = await converged('after 30 s without Redis');
    expect(state.seq).toBe(before + 3);
    await declare(seats[10]);
    expect((await converged('a declaration once Redis is back')).seq).toBe(before + 4);
  }, 90_000);

  // Last: the writer does not come back.
  test('tells fan-out viewers their figures may be stale once the writer dies, and a new viewer too', async () => {
    await writer.kill('SIGKILL');
    await until(() => viewers.every((v) => !v.sourceLive), 'every fan-out viewer told the writer is silent', 8000);
    const late = new ConvergentViewer([fanouts[1].url], 'ge2017');
    try {
      await until(() => late.statuses.length > 0, 'a new viewer told at once');
      expect(late.statuses[0].live).toBe(false);
    } finally {
      late.close();
    }
  });
});
