import { beforeEach, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { api, closedAfterEach, startServer, type RunningServer } from '../support/server.ts';
import { addUser, login, request, type Session } from '../support/session.ts';
import { startReceiver, type Receiver } from '../support/webhook-receiver.ts';

const SECRET = 'whsec_test_0123456789abcdef';
const EALING = 'E14000674';
const BRENTFORD = 'E14000593';
const HAMPSTEAD = 'E14000727';
const ILFORD = 'E14000759';
const TWICKENHAM = 'E14001005';
const SEATS = [CROYDON_CENTRAL, EALING, BRENTFORD, HAMPSTEAD, ILFORD];

/** A Conservative hold where the baseline is Conservative, a Labour gain elsewhere: invented figures. */
function conservativeWin(seat: string) {
  return labourGainIn(seat, 15_000, 21_000);
}

const declare = (server: RunningServer, seat: string, body = labourGainIn(seat)) =>
  api(server, 'POST', '/api/elections/ge2017/declarations', body);

describe('webhooks', () => {
  const closeLater = closedAfterEach();
  let admin: Session;

  async function serverWith(retryDelaysMs: number[] = [20, 40, 80]) {
    const server = closeLater(await startServer({ webhooks: { retryDelaysMs, timeoutMs: 2000 } }));
    await addUser(server, 'ada', 'admin');
    admin = await login(server, 'ada');
    // The article elections start in test mode; these tests read a live night unless they say otherwise.
    expect((await request(server, 'PUT', '/api/elections/ge2017/mode', { mode: 'live' }, { session: admin })).status).toBe(200);
    return server;
  }

  async function register(server: RunningServer, receiver: Receiver, fields: Record<string, unknown> = {}) {
    const made = await request(
      server,
      'POST',
      '/api/webhooks',
      { name: 'live blog', url: receiver.url, secret: SECRET, events: ['declarations', 'corrections', 'recounts'], ...fields },
      { session: admin },
    );
    expect(made.status, made.text).toBe(201);
    return made.body as { id: number; secret: string };
  }

  let receiver: Receiver;
  beforeEach(async () => {
    receiver = closeLater(await startReceiver(SECRET));
  });

  test('a declaration arrives signed, with its line, figures, mode and idempotency key, after the 201', async () => {
    const server = await serverWith();
    await register(server, receiver);
    const answer = await declare(server, CROYDON_CENTRAL);
    expect(answer.status).toBe(201);

    const [got] = await receiver.waitFor(1);
    expect(got.signed).toBe(true);
    expect(got.key).toBe(`ge2017:${CROYDON_CENTRAL}:v1`);
    expect(got.headers['election-event']).toBe('declaration');
    expect(got.headers['election-mode']).toBe('live');
    expect(got.headers['election-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(got.json).toMatchObject({
      id: `ge2017:${CROYDON_CENTRAL}:v1`,
      type: 'declaration',
      events: ['declarations'],
      rehearsal: false,
      line: 'Croydon Central: Lab GAIN from Con. Alex Example wins with a majority of 2,000.',
      seq: answer.body.seq,
      seat: {
        code: CROYDON_CENTRAL,
        name: 'Croydon Central',
        version: 1,
        result: { label: 'GAIN', party: 'Lab', from: 'Con', majority: 2000 },
      },
      replaces: null,
    });
    expect(got.json.seat.result.candidates[0]).toMatchObject({ name: 'Alex Example', party: 'Lab', votes: 20_000 });
    expect(got.json.images.landscape).toMatch(new RegExp(`/share/ge2017/seat/${CROYDON_CENTRAL}/v1-1200x675\\.png$`));
  });

  test('a body altered on the way, or signed with another secret, does not verify', async () => {
    const server = await serverWith();
    const other = closeLater(await startReceiver('whsec_some_other_secret_0000'));
    await register(server, other);
    await declare(server, CROYDON_CENTRAL);
    const [got] = await other.waitFor(1);
    expect(got.signed).toBe(false);
  });

  test('gains only gets the gains; a correction names the version it replaces; rehearsal says so in body and header', async () => {
    const server = await serverWith();
    const gainsOnly = closeLater(await startReceiver(SECRET));
    await register(server, gainsOnly, { events: ['gains'] });
    await register(server, receiver);
    expect((await request(server, 'PUT', '/api/elections/ge2017/mode', { mode: 'rehearsal' }, { session: admin })).status).toBe(200);

    expect((await declare(server, CROYDON_CENTRAL, conservativeWin(CROYDON_CENTRAL))).status).toBe(201); // a hold
    expect((await declare(server, EALING)).status).toBe(201); // Ealing was Labour's: a hold too
    expect((await declare(server, TWICKENHAM)).status).toBe(201); // Con in the baseline: a Labour gain
    const fixed = await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`, {
      ...labourGainIn(CROYDON_CENTRAL, 21_500, 21_000),
      seat: undefined,
      reason: 'the Labour votes were misread',
      basedOnVersion: 1,
    });
    expect(fixed.status, fixed.text).toBe(200);

    const all = await receiver.waitFor(4);
    expect(all.map((r) => r.key)).toEqual([
      `ge2017:${CROYDON_CENTRAL}:v1`,
      `ge2017:${EALING}:v1`,
      `ge2017:${TWICKENHAM}:v1`,
      `ge2017:${CROYDON_CENTRAL}:v2`,
    ]);
    const correction = all[3].json;
    expect(correction).toMatchObject({
      type: 'correction',
      rehearsal: true,
      election: { mode: 'rehearsal' },
      reason: 'the Labour votes were misread',
      replaces: { id: `ge2017:${CROYDON_CENTRAL}:v1`, version: 1, line: all[0].json.line },
    });
    expect(all[3].headers['election-mode']).toBe('rehearsal');

    const gains = await gainsOnly.waitFor(1);
    // Croydon's first result held; the correction made it a gain, but it is a correction, not a declaration.
    expect(gains.map((r) => r.json.seat.code)).toEqual([TWICKENHAM]);
    expect(gains[0].json.events).toEqual(['gains']);
  }, 15_000);

  test("a Slack endpoint gets the line as text with the winner's colour", async () => {
    const server = await serverWith();
    await register(server, receiver, { format: 'slack' });
    await declare(server, CROYDON_CENTRAL);
    const [got] = await receiver.waitFor(1);
    expect(got.signed).toBe(true);
    expect(got.json.text).toMatch(/^Croydon Central: Lab GAIN from Con\./);
    expect(got.json.attachments[0]).toMatchObject({ color: expect.stringMatching(/^#[0-9a-f]{6}$/i), title: 'Croydon Central' });
    expect(got.json.attachments[0].image_url).toMatch(/1200x675\.png$/);
  });

  test('the headline goes out when it changes: a leader, a tie, a leader again; not with every seat', async () => {
    const server = await serverWith();
    await register(server, receiver, { events: ['headline'] });
    await declare(server, CROYDON_CENTRAL); // Lab 1: Lab lead
    await declare(server, HAMPSTEAD); // Lab 2: still Lab leading, no message
    await declare(server, TWICKENHAM, conservativeWin(TWICKENHAM)); // Con 1
    await declare(server, ILFORD, conservativeWin(ILFORD)); // Con 2: level
    await declare(server, EALING); // Lab 3: Lab lead again
    const all = await receiver.waitFor(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.arrivals).toHaveLength(3);
    expect(all.map((r) => [r.json.type, r.json.headline.state, r.json.headline.party])).toEqual([
      ['headline', 'needs', 'Lab'],
      ['headline', 'level', null],
      ['headline', 'needs', 'Lab'],
    ]);
    expect(all[0].json.line).toBe('General election 2017: London marginals: Lab need 325 more for a majority (649 seats to declare).');
    expect(all[0].json.headline).toMatchObject({ seats: 1, declared: 1, totalSeats: 650, majorityLine: 326 });
    expect(all[1].json.previous).toMatchObject({ state: 'needs', party: 'Lab' });
    expect(all[2].json.images.square).toMatch(/\/share\/ge2017\/house\/s5-1080x1080\.png$/);
  });

  test('a receiver that goes down and comes back gets every delivery, once each, in order', async () => {
    const server = await serverWith([30, 60, 120, 240, 480, 960]);
    await register(server, receiver);
    await receiver.down();
    for (const seat of SEATS) expect((await declare(server, seat)).status).toBe(201);
    // Let the worker fail against the closed port a few times.
    await waitUntil(async () => (await deliveries(server, 1)).some((d) => d.attempts >= 2));
    await receiver.up();
    const all = await receiver.waitFor(SEATS.length);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.arrivals).toEqual(SEATS.map((s) => `ge2017:${s}:v1`));
    expect(all.every((r) => r.signed)).toBe(true);
  }, 20_000);

  test('a slow receiver holds up neither the declarations nor another endpoint', async () => {
    const server = await serverWith();
    const slow = closeLater(await startReceiver(SECRET));
    slow.answer = 'hold';
    await register(server, slow);
    await register(server, receiver);
    for (const seat of SEATS) expect((await declare(server, seat)).status).toBe(201);
    // Every declaration was answered, and the other endpoint has all five, while the slow one still holds its first.
    await receiver.waitFor(SEATS.length);
    expect(slow.arrivals).toEqual([`ge2017:${CROYDON_CENTRAL}:v1`]);
    expect(slow.received).toEqual([]);
    slow.answer = 200;
    slow.release();
    await slow.waitFor(SEATS.length);
    expect(slow.received.map((r) => r.json.seat.code)).toEqual(SEATS);
  });

  test('an endpoint answering 500 is retried, then dead-lettered; an admin sends it again with the same key', async () => {
    const server = await serverWith([10, 20]);
    const { id } = await register(server, receiver);
    receiver.answer = 500;
    await declare(server, CROYDON_CENTRAL);
    await waitUntil(async () => (await deliveries(server, id)).some((d) => d.status === 'dead'));
    expect(receiver.arrivals).toHaveLength(3);
    const [dead] = await deliveries(server, id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastStatus: 500, lastError: 'answered 500' });

    // The next declaration is not stuck behind the dead letter.
    receiver.answer = 200;
    await declare(server, EALING);
    await receiver.waitFor(1);
    expect(receiver.received.map((r) => r.key)).toEqual([`ge2017:${EALING}:v1`]);

    // The receiver has answered; the worker records it a moment later.
    await waitUntil(async () => (await deliveries(server, id)).filter((d) => d.status === 'delivered').length === 1);
    const listed = await request(server, 'GET', `/api/webhooks`, undefined, { session: admin });
    expect(listed.body[0].counts).toMatchObject({ dead: 1, delivered: 1, pending: 0 });
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);

    const again = await request(server, 'POST', `/api/webhook-deliveries/${dead.id}/resend`, {}, { session: admin });
    expect(again.status, again.text).toBe(201);
    expect(again.body).toMatchObject({ resentFrom: dead.id, status: 'pending', idempotencyKey: dead.idempotencyKey });
    await waitUntil(() => receiver.received.some((r) => r.key === dead.idempotencyKey));
    const resent = receiver.received.find((r) => r.key === dead.idempotencyKey)!;
    expect(resent.signed).toBe(true);
    expect(resent.json.seat.code).toBe(CROYDON_CENTRAL);
  });

  test('a restart mid-queue loses nothing, and sends again only what was in flight, under the same key', async () => {
    const server = await serverWith([30, 60, 120, 240]);
    await register(server, receiver);
    receiver.answer = 'hold';
    for (const seat of SEATS) expect((await declare(server, seat)).status).toBe(201);
    await waitUntil(() => receiver.arrivals.length === 1);
    // The first delivery is in flight, held by the receiver, when the server stops.
    await server.restart();
    receiver.answer = 200;
    receiver.release();
    await receiver.waitFor(SEATS.length);
    await new Promise((r) => setTimeout(r, 300));
    const keys = SEATS.map((s) => `ge2017:${s}:v1`);
    // Told apart by key, each arrived once and in order; the one in flight at the stop came twice, with the same key.
    expect([...new Set(receiver.received.map((r) => r.key))]).toEqual(keys);
    expect(receiver.arrivals).toEqual([keys[0], ...keys]);
  });

  test('only admins manage webhooks; a bad address is refused naming url, and nothing is registered', async () => {
    const server = await serverWith();
    await addUser(server, 'ed', 'editor');
    const editor = await login(server, 'ed');
    const body = { name: 'live blog', url: receiver.url, events: ['declarations'] };
    expect((await request(server, 'POST', '/api/webhooks', body, { session: editor })).status).toBe(403);
    expect((await request(server, 'GET', '/api/webhooks', undefined, { session: null })).status).toBe(401);
    const bad = await request(server, 'POST', '/api/webhooks', { ...body, url: 'ftp://example.com/x' }, { session: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].path).toBe('url');
    const none = await request(server, 'POST', '/api/webhooks', { ...body, events: [] }, { session: admin });
    expect(none.body.problems[0].path).toBe('events');
    expect((await request(server, 'GET', '/api/webhooks', undefined, { session: admin })).body).toEqual([]);

    const made = await request(server, 'POST', '/api/webhooks', body, { session: admin });
    expect(made.body.secret).toMatch(/^whsec_/);
    await request(server, 'POST', `/api/webhooks/${made.body.id}/disable`, {}, { session: admin });
    await declare(server, CROYDON_CENTRAL);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.arrivals).toEqual([]);
  });

  async function deliveries(server: RunningServer, endpointId: number) {
    const answer = await request(server, 'GET', `/api/webhooks/${endpointId}/deliveries`, undefined, { session: admin });
    return answer.body as Array<{ id: number; status: string; attempts: number; idempotencyKey: string; lastStatus: number | null }>;
  }
});

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not true within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
