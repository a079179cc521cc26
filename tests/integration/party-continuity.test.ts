import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, login, request, type Session } from '../support/session.ts';
import { api, startServer, watch, type RunningServer } from '../support/server.ts';
import { CROYDON_CENTRAL } from '../fixtures/declarations.ts';

describe('party continuity is data an admin extends', () => {
  let server: RunningServer;
  let admin: Session;
  let editor: Session;

  beforeAll(async () => {
    server = await startServer();
    await addUser(server, 'chief', 'admin');
    await addUser(server, 'sam', 'editor');
    admin = await login(server, 'chief');
    editor = await login(server, 'sam');
  });
  afterAll(async () => server.close());

  test('starts from the table in the article baseline', async () => {
    const { body } = await api(server, 'GET', '/api/party-continuity');
    expect(body.aliases.Alliance).toBe('APNI');
    expect(body.successors.Brexit).toBe('RUK');
  });

  test('a new alias changes the HOLD/GAIN label of results already declared, on every screen at once', async () => {
    const viewer = await watch(server, 'ge2017');
    const declaration = {
      seat: CROYDON_CENTRAL,
      candidates: [
        { name: 'Alex Example', party: 'Conservative and Unionist', votes: 20_000 },
        { name: 'Sam Sample', party: 'Lab', votes: 18_000 },
      ],
      // A code the election does not know is sent as a new party on purpose, then mapped.
      newParties: ['Conservative and Unionist'],
    };
    const declared = await api(server, 'POST', '/api/elections/ge2017/declarations', declaration);
    expect(declared.body.seat.outcome.label.text).toBe('Conservative and Unionist GAIN from Con');

    const added = await request(
      server,
      'POST',
      '/api/party-continuity',
      { code: 'Conservative and Unionist', kind: 'alias', target: 'Con' },
      { session: admin },
    );
    expect(added.status).toBe(201);
    const state = (await api(server, 'GET', '/api/elections/ge2017/state')).body;
    const croydon = state.seatStates.find((s: { code: string }) => s.code === CROYDON_CENTRAL);
    expect(croydon.outcome.label.text).toBe('Con HOLD');

    // The screen already showing the GAIN is sent the state again, read against the new reference.
    const resent = await viewer.nextSnapshot();
    viewer.close();
    expect(resent.seatStates.find((s) => s.code === CROYDON_CENTRAL)!.outcome!.label.text).toBe('Con HOLD');
  });

  test('refuses an editor, a changed mapping and a loop, changing nothing', async () => {
    const before = (await api(server, 'GET', '/api/party-continuity')).body;
    const byEditor = await request(
      server,
      'POST',
      '/api/party-continuity',
      { code: 'Lib Dem', kind: 'alias', target: 'LD' },
      { session: editor },
    );
    expect(byEditor.status).toBe(403);
    const remap = await request(
      server,
      'POST',
      '/api/party-continuity',
      { code: 'Alliance', kind: 'alias', target: 'LD' },
      { session: admin },
    );
    expect(remap.status).toBe(409);
    const loop = await request(
      server,
      'POST',
      '/api/party-continuity',
      { code: 'RUK', kind: 'successor', target: 'Brexit' },
      { session: admin },
    );
    expect(loop.status).toBe(400);
    expect(loop.body.problems[0].path).toBe('target');
    expect((await api(server, 'GET', '/api/party-continuity')).body).toEqual(before);
  });
});
