/**
 * Finding 9 of the hostile-outsider review: second-editor confirmation by
 * two tokens (the environment token and an admin-made token) published with
 * no second person. A second editor is now a second named person.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { addUser, login, request, type Session } from '../support/session.ts';
import { closedAfterEach, startServer, TEST_TOKEN, type RunningServer } from '../support/server.ts';

const { seat: _seat, ...figures } = labourGainIn(CROYDON_CENTRAL);
const open = closedAfterEach();

describe('a second editor is a second person', () => {
  let server: RunningServer;
  let ada: Session;
  let alice: Session;

  beforeEach(async () => {
    server = open(await startServer());
    await addUser(server, 'ada', 'admin');
    await addUser(server, 'alice');
    [ada, alice] = await Promise.all([login(server, 'ada'), login(server, 'alice')]);
    expect(
      (await request(server, 'PUT', '/api/elections/ge2017/confirmation', { requireConfirmation: true }, { session: ada })).status,
    ).toBe(200);
  });

  const tokenFor = async (forUser?: string) => {
    const made = await request(
      server,
      'POST',
      '/api/tokens',
      { name: `script for ${forUser ?? 'ada'}`, ...(forUser && { forUser }) },
      { session: ada },
    );
    expect(made.status).toBe(201);
    return made.body as { token: string; for_user: string };
  };
  const declare = (bearer: string | null, session?: Session) =>
    request(
      server,
      'POST',
      '/api/elections/ge2017/declarations',
      labourGainIn(CROYDON_CENTRAL),
      bearer ? { bearer, origin: null } : { session },
    );
  const confirm = (id: number, bearer: string | null, session?: Session) =>
    request(server, 'POST', `/api/elections/ge2017/pending/${id}/confirm`, figures, bearer ? { bearer, origin: null } : { session });

  test('the environment token acts for no one: its entry is refused where a second editor is needed', async () => {
    const refused = await declare(TEST_TOKEN);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/acts for no one/);
  });

  test('a token acts for the user an admin made it for, and cannot confirm what that user entered', async () => {
    const forAlice = await tokenFor('alice');
    expect(forAlice.for_user).toBe('alice');
    const held = await declare(null, alice);
    expect(held.status).toBe(202);
    const same = await confirm(held.body.pending.id, forAlice.token);
    expect(same.status).toBe(403);
    expect(same.body.error).toMatch(/different editor/);
  });

  test('two tokens for two different people: the second confirms the first', async () => {
    const forAlice = await tokenFor('alice');
    const forAda = await tokenFor();
    expect(forAda.for_user).toBe('ada');
    const held = await declare(forAlice.token);
    expect(held.status).toBe(202);
    const confirmed = await confirm(held.body.pending.id, forAda.token);
    expect(confirmed.status).toBe(200);
  });

  test('the environment token cannot confirm, even an entry made by a person', async () => {
    const held = await declare(null, alice);
    const refused = await confirm(held.body.pending.id, TEST_TOKEN);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/named person/);
  });

  test('a token for a disabled user stops working, and one for no such user is never made', async () => {
    const forAlice = await tokenFor('alice');
    expect((await request(server, 'POST', '/api/users/alice/disable', undefined, { session: ada })).status).toBe(200);
    expect((await declare(forAlice.token)).status).toBe(401);
    const none = await request(server, 'POST', '/api/tokens', { name: 'for a ghost', forUser: 'ghost' }, { session: ada });
    expect(none.status).toBe(404);
    expect(none.body.problems[0].path).toBe('forUser');
  });
});
