import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, startServer, type RunningServer } from '../support/server.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';

describe('the HTTP API refuses bad writes and changes nothing', () => {
  let server: RunningServer;
  const seq = async () => (await api(server, 'GET', '/api/elections/ge2017/state')).body.seq as number;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  test('lists the elections of the article baseline', async () => {
    const { status, body } = await api(server, 'GET', '/api/elections');
    expect(status).toBe(200);
    expect(body.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(['ge2017', 'ge2024']));
  });

  test('refuses a write without the bearer token with 401', async () => {
    const before = await seq();
    const { status, body } = await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), null);
    expect(status).toBe(401);
    expect(body.error).toMatch(/token/);
    expect(await seq()).toBe(before);
  });

  test('refuses a wrong token with 401', async () => {
    const { status } = await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), 'not-the-token');
    expect(status).toBe(401);
  });

  test('names the failing field and the value of a negative vote', async () => {
    const before = await seq();
    const bad = labourGainIn(CROYDON_CENTRAL);
    bad.candidates[2].votes = -5;
    const { status, body } = await api(server, 'POST', '/api/elections/ge2017/declarations', bad);
    expect(status).toBe(400);
    expect(body.problems).toContainEqual({
      path: 'candidates[2].votes',
      message: 'must be a whole number of votes >= 0 (got -5)',
    });
    expect(await seq()).toBe(before);
  });

  test('refuses fractional votes, an empty candidate list and a malformed seat code', async () => {
    const fractional = labourGainIn(CROYDON_CENTRAL);
    fractional.candidates[0].votes = 10.5;
    const paths = async (body: unknown) =>
      (await api(server, 'POST', '/api/elections/ge2017/declarations', body)).body.problems.map((p: { path: string }) => p.path);
    expect(await paths(fractional)).toEqual(['candidates[0].votes']);
    expect(await paths({ seat: CROYDON_CENTRAL, candidates: [] })).toEqual(['candidates']);
    expect(await paths({ ...labourGainIn(CROYDON_CENTRAL), seat: 'Croydon' })).toEqual(['seat']);
  });

  test('refuses a party listed twice and totals that do not add up, naming the fields', async () => {
    const twice = labourGainIn(CROYDON_CENTRAL);
    twice.candidates[2].party = 'Lab';
    const { status, body } = await api(server, 'POST', '/api/elections/ge2017/declarations', twice);
    expect(status).toBe(400);
    expect(body.problems[0].path).toBe('candidates[2].party');
    const sums = await api(server, 'POST', '/api/elections/ge2017/declarations', { ...labourGainIn(CROYDON_CENTRAL), validVotes: 1 });
    expect(sums.body.problems[0].path).toBe('validVotes');
  });

  test('refuses a tie unless the winner by lot is named', async () => {
    const tie = labourGainIn(CROYDON_CENTRAL, 18_000, 18_000);
    const refused = await api(server, 'POST', '/api/elections/ge2017/declarations', tie);
    expect(refused.status).toBe(400);
    expect(refused.body.problems[0].path).toBe('winnerByLot');
  });

  test('refuses a body that is not JSON with 400', async () => {
    const response = await fetch(`${server.url}/api/elections/ge2017/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-token-0123456789abcdef' },
      body: '{"seat": ',
    });
    expect(response.status).toBe(400);
  });

  test('answers 404 naming an unknown election or seat', async () => {
    const election = await api(server, 'POST', '/api/elections/ge1900/declarations', labourGainIn(CROYDON_CENTRAL));
    expect(election.status).toBe(404);
    expect(election.body.error).toMatch(/^election: /);
    const seat = await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn('E14999999'));
    expect(seat.status).toBe(404);
    expect(seat.body.problems[0].path).toBe('seat');
    expect((await api(server, 'GET', '/api/elections/ge1900/state')).status).toBe(404);
  });

  test('a declared seat cannot be declared again: 409 with the seat as it is', async () => {
    const first = await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL));
    expect(first.status).toBe(201);
    const before = await seq();
    const again = await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL, 1, 2));
    expect(again.status).toBe(409);
    expect(again.body.seat.version).toBe(1);
    expect(await seq()).toBe(before);
  });

  test('a change based on an old version is refused with 409', async () => {
    const { seat: _s, ...figures } = labourGainIn(CROYDON_CENTRAL, 21_000);
    const route = `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`;
    const ok = await api(server, 'POST', route, { ...figures, reason: 'typo in Lab votes', basedOnVersion: 1 });
    expect(ok.status).toBe(200);
    const stale = await api(server, 'POST', route, { ...figures, reason: 'typo in Lab votes', basedOnVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.seat.version).toBe(2);
  });

  test('a correction, recount or withdrawal must say why', async () => {
    const { status, body } = await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/recount`, {});
    expect(status).toBe(400);
    expect(body.problems[0].path).toBe('reason');
  });
});
