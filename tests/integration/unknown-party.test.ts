import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { api, startServer, type RunningServer } from '../support/server.ts';

describe('an unknown party code is refused unless it is a new party on purpose', () => {
  let server: RunningServer;
  const seq = async () => (await api(server, 'GET', '/api/elections/ge2017/state')).body.seq as number;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  test('"Labour" typed for Lab is refused with a 400 naming the code, and nothing changes', async () => {
    const before = await seq();
    const typo = labourGainIn(CROYDON_CENTRAL);
    typo.candidates[0].party = 'Labour';
    const { status, body } = await api(server, 'POST', '/api/elections/ge2017/declarations', typo);
    expect(status).toBe(400);
    expect(body.problems).toEqual([
      {
        path: 'candidates[0].party',
        message: expect.stringContaining('"Labour" is not a party code this election knows: did you mean Lab?'),
      },
    ]);
    expect(body.error).toContain('Labour');
    expect(await seq()).toBe(before);
  });

  test('a new party sent on purpose is published, flagged on the seat and in the audit and its CSV', async () => {
    const entry = labourGainIn(CROYDON_CENTRAL);
    entry.candidates[2] = { name: 'Nia Newcomer', party: 'Newco', votes: 1_500 };
    const { status, body } = await api(server, 'POST', '/api/elections/ge2017/declarations', { ...entry, newParties: ['Newco', 'Lab'] });
    expect(status).toBe(201);
    // Only the code that was in fact new is kept as the flag.
    expect(body.seat.declaration.newParties).toEqual(['Newco']);
    expect(body.seat.outcome.label.text).toBe('Lab GAIN from Con');
    const audit = await api(server, 'GET', '/api/elections/ge2017/audit');
    expect(audit.body.find((r: { seat: string }) => r.seat === CROYDON_CENTRAL).newParties).toBe('Newco');
    const csv = await api(server, 'GET', '/api/elections/ge2017/audit.csv');
    expect(csv.text.split('\r\n')[0]).toContain('newParties');
    expect(csv.text).toContain('"Newco"');
  });

  test('a code published once is known afterwards: a correction with it needs no flag', async () => {
    const state = (await api(server, 'GET', '/api/elections/ge2017/state')).body;
    const seat = state.seatStates.find((s: { code: string }) => s.code === CROYDON_CENTRAL);
    const { candidates } = seat.declaration;
    const { status } = await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`, {
      candidates: candidates.map((c: { votes: number }, i: number) => ({ ...c, votes: c.votes + i })),
      reason: 'figures re-read',
      basedOnVersion: seat.version,
    });
    expect(status).toBe(200);
  });
});
