import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { addUser, editorSocket, login, PASSWORD, request, type Session } from '../support/session.ts';
import { startServer, TEST_TOKEN, watch, type RunningServer } from '../support/server.ts';

describe('who may change results', () => {
  let server: RunningServer;
  let admin: Session;
  let editor: Session;
  let otherSeat: string;

  /** Everything a write could change: the public sequence, entries held, accounts and tokens. */
  const fingerprint = () =>
    JSON.stringify([
      server.db.prepare('SELECT last_seq, mode, screen_json, require_confirmation FROM elections ORDER BY id').all(),
      server.db.prepare('SELECT COUNT(*) FROM declaration_versions').pluck().get(),
      server.db.prepare('SELECT COUNT(*) FROM night_inputs').pluck().get(),
      server.db.prepare('SELECT * FROM pending_entries').all(),
      server.db.prepare('SELECT username, disabled_at FROM users').all(),
      server.db.prepare('SELECT name, revoked_at FROM api_tokens').all(),
    ]);

  beforeAll(async () => {
    server = await startServer();
    await addUser(server, 'ada', 'admin');
    await addUser(server, 'ed', 'editor');
    admin = await login(server, 'ada');
    editor = await login(server, 'ed');
    const state = (await request(server, 'GET', '/api/elections/ge2017/state')).body;
    otherSeat = state.seats.map((s: { code: string }) => s.code).find((c: string) => c !== CROYDON_CENTRAL);
    // A declared seat, so corrections, recounts and withdrawals have something to act on.
    expect(
      (await request(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(otherSeat), { bearer: TEST_TOKEN })).status,
    ).toBe(201);
  });
  afterAll(async () => server.close());

  const { seat: _seat, ...figures } = labourGainIn(CROYDON_CENTRAL);
  const writes = () =>
    [
      ['POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL)],
      ['POST', `/api/elections/ge2017/seats/${otherSeat}/correction`, { ...figures, reason: 'typo in votes', basedOnVersion: 1 }],
      ['POST', `/api/elections/ge2017/seats/${otherSeat}/recount`, { reason: 'recount called', basedOnVersion: 1 }],
      ['POST', `/api/elections/ge2017/seats/${otherSeat}/withdrawal`, { reason: 'wrong seat', basedOnVersion: 1 }],
      ['PUT', '/api/elections/ge2017/exit-poll', { seats: { Con: 600, Others: 50 } }],
      ['PUT', '/api/elections/ge2017/seats-to-watch', { seats: ['E14000654'] }],
      ['PUT', '/api/elections/ge2017/expected-times', { times: [{ seat: 'E14000654', expectedAt: '2017-06-09T02:30:00Z' }] }],
      ['PUT', '/api/elections/ge2017/screen', { panels: [{ panel: 'map', seconds: 10 }], gainSpotlightSeconds: 0 }],
      ['PUT', '/api/elections/ge2017/mode', { mode: 'test' }],
      ['PUT', '/api/elections/ge2017/confirmation', { requireConfirmation: true }],
      ['POST', '/api/elections/ge2017/pending/1/confirm', { candidates: figures.candidates }],
      ['POST', '/api/users', { username: 'mallory', password: 'a long enough password', role: 'admin' }],
      ['POST', '/api/users/ed/disable', undefined],
      ['POST', '/api/tokens', { name: 'sneaky script' }],
      ['POST', '/api/tokens/1/revoke', undefined],
    ] as const;

  test('the public (no credentials) is refused every write with 401 and nothing changes', async () => {
    const before = fingerprint();
    for (const [method, route, body] of writes()) {
      const answer = await request(server, method, route, body);
      expect(answer.status, `${method} ${route}`).toBe(401);
    }
    expect(fingerprint()).toBe(before);
  });

  test('a logged-out session is refused every write with 401 and nothing changes', async () => {
    await addUser(server, 'leaver');
    const leaver = await login(server, 'leaver');
    expect((await request(server, 'DELETE', '/api/session', undefined, { session: leaver })).status).toBe(200);
    const before = fingerprint();
    for (const [method, route, body] of writes()) {
      expect((await request(server, method, route, body, { session: leaver })).status, `${method} ${route}`).toBe(401);
    }
    expect(fingerprint()).toBe(before);
  });

  test('an editor is refused the admin writes with 403', async () => {
    const before = fingerprint();
    for (const [method, route, body] of writes()
      .slice(9)
      .filter(([, route]) => !route.includes('/pending/'))) {
      expect((await request(server, method, route, body, { session: editor })).status, `${method} ${route}`).toBe(403);
    }
    expect(fingerprint()).toBe(before);
  });

  test('reads stay open to the public: state, feeds, candidates', async () => {
    for (const route of [
      '/api/elections',
      '/api/elections/ge2017/state',
      '/api/elections/ge2017/feed.json',
      '/api/elections/ge2017/candidates',
    ]) {
      expect((await request(server, 'GET', route)).status, route).toBe(200);
    }
  });

  test('the editors-only reads refuse the public with 401', async () => {
    for (const route of [
      '/api/elections/ge2017/desk',
      '/api/elections/ge2017/audit',
      '/api/elections/ge2017/audit.csv',
      '/api/elections/ge2017/audit/night-inputs',
      '/api/elections/ge2017/seats-to-watch/versions',
      '/api/users',
      '/api/tokens',
    ]) {
      expect((await request(server, 'GET', route)).status, route).toBe(401);
    }
  });

  test('the session cookie is HttpOnly and SameSite=Strict, and only a hash of it is stored', async () => {
    const answer = await request(server, 'POST', '/api/session', { username: 'ed', password: PASSWORD });
    const cookie = String(answer.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const id = decodeURIComponent(cookie.split(';')[0].split('=')[1]);
    const stored = server.db.prepare('SELECT session_hash FROM sessions').pluck().all() as string[];
    expect(stored.some((h) => h.includes(id))).toBe(false);
    const hash = server.db.prepare('SELECT password_hash FROM users WHERE username = ?').pluck().get('ed') as string;
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain(PASSWORD);
  });

  test('a session write without the CSRF token, with a wrong one, or from another origin is refused with 403', async () => {
    const before = fingerprint();
    const route = '/api/elections/ge2017/declarations';
    const body = labourGainIn(CROYDON_CENTRAL);
    const missing = await request(server, 'POST', route, body, { session: editor, csrf: null });
    expect(missing.status).toBe(403);
    expect(missing.body.error).toMatch(/x-csrf-token/);
    expect((await request(server, 'POST', route, body, { session: editor, csrf: 'forged' })).status).toBe(403);
    const elsewhere = await request(server, 'POST', route, body, { session: editor, origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error).toMatch(/^origin/);
    expect((await request(server, 'POST', route, body, { session: editor, origin: null })).status).toBe(403);
    expect(fingerprint()).toBe(before);
  });

  test("a session write with its token from this origin goes through, entered under the editor's name", async () => {
    const answer = await request(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), { session: editor });
    expect(answer.status).toBe(201);
    const audit = await request(server, 'GET', `/api/elections/ge2017/audit?seat=${CROYDON_CENTRAL}`, undefined, { session: editor });
    expect(audit.body.at(-1)).toMatchObject({ kind: 'declared', enteredBy: 'ed' });
  });

  test('who entered a result is for editors (the audit), not the public state or versions', async () => {
    const state = await request(server, 'GET', '/api/elections/ge2017/state');
    const versions = await request(server, 'GET', `/api/elections/ge2017/seats/${otherSeat}/versions`);
    expect(state.body.seatStates.find((s: { code: string }) => s.code === otherSeat).declaration).toBeTruthy();
    expect(versions.body).toHaveLength(1);
    for (const text of [state.text, versions.text]) expect(text).not.toMatch(/enteredBy|api-token/);
    const audit = await request(server, 'GET', `/api/elections/ge2017/audit?seat=${otherSeat}`, undefined, { session: editor });
    expect(audit.body[0].enteredBy).toBe('api-token');
  });

  test("an admin's API token works for scripts until it is revoked, then gets 401", async () => {
    const made = await request(server, 'POST', '/api/tokens', { name: 'wire bridge' }, { session: admin });
    expect(made.status).toBe(201);
    const stored = server.db.prepare('SELECT token_hash FROM api_tokens WHERE id = ?').pluck().get(made.body.id) as string;
    expect(stored).not.toBe(made.body.token);
    const seat = otherSeat;
    const ok = await request(
      server,
      'POST',
      `/api/elections/ge2017/seats/${seat}/recount`,
      { reason: 'recount called' },
      { bearer: made.body.token, origin: null },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.seat.lastChange).toBe('recount');
    const audit = await request(server, 'GET', `/api/elections/ge2017/audit?seat=${seat}`, undefined, { session: admin });
    expect(audit.body.at(-1).enteredBy).toBe('token:wire bridge');

    expect((await request(server, 'POST', `/api/tokens/${made.body.id}/revoke`, undefined, { session: admin })).status).toBe(200);
    const before = fingerprint();
    const refused = await request(
      server,
      'POST',
      `/api/elections/ge2017/seats/${seat}/withdrawal`,
      { reason: 'wrong seat' },
      { bearer: made.body.token, origin: null },
    );
    expect(refused.status).toBe(401);
    expect(fingerprint()).toBe(before);
  });

  test("a disabled editor's session stops working at once", async () => {
    await addUser(server, 'temp');
    const temp = await login(server, 'temp');
    expect((await request(server, 'POST', '/api/users/temp/disable', undefined, { session: admin })).status).toBe(200);
    expect((await request(server, 'GET', '/api/elections/ge2017/desk', undefined, { session: temp })).status).toBe(401);
    expect((await request(server, 'POST', '/api/session', { username: 'temp', password: PASSWORD })).status).toBe(401);
  });

  test('five failed logins in a minute lock that username from that address, even with the right password', async () => {
    await addUser(server, 'target');
    for (let i = 0; i < 5; i++) {
      expect((await request(server, 'POST', '/api/session', { username: 'target', password: `guess ${i}` })).status).toBe(401);
    }
    const locked = await request(server, 'POST', '/api/session', { username: 'target', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatch(/too many/);
    // Another editor at the same desk can still sign in.
    expect((await request(server, 'POST', '/api/session', { username: 'ed', password: PASSWORD })).status).toBe(200);
  });

  test("a login from another site's page is refused", async () => {
    const answer = await request(
      server,
      'POST',
      '/api/session',
      { username: 'ed', password: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(answer.status).toBe(403);
  });

  test('sockets: the public cannot join the desk or announce editing, and a viewer sees nothing of it', async () => {
    const viewer = await watch(server, 'ge2017');
    const watcher = await editorSocket(server, admin);
    const presence: unknown[] = [];
    watcher.on('presence:changed', (p) => presence.push(p));
    expect((await watcher.emitWithAck('desk:join', 'ge2017')).ok).toBe(true);

    const stranger = await editorSocket(server, null);
    const join = await stranger.emitWithAck('desk:join', 'ge2017');
    expect(join).toEqual({ ok: false, error: expect.stringMatching(/^authorization/) });
    const editing = await stranger.emitWithAck('seat:editing', CROYDON_CENTRAL);
    expect(editing.ok).toBe(false);

    // A logged-out session is no better than none.
    await addUser(server, 'gone');
    const gone = await login(server, 'gone');
    const goneSocket = await editorSocket(server, gone);
    expect((await goneSocket.emitWithAck('desk:join', 'ge2017')).ok).toBe(true);
    await request(server, 'DELETE', '/api/session', undefined, { session: gone });
    expect((await goneSocket.emitWithAck('seat:editing', CROYDON_CENTRAL)).ok).toBe(false);

    await new Promise((r) => setTimeout(r, 100));
    expect(presence).toEqual([]);
    expect(viewer.updates).toEqual([]);
    for (const s of [viewer, watcher, stranger, goneSocket]) s.close();
  });

  test("sockets: a connection from another site's page is refused; this site's is let in", async () => {
    await expect(editorSocket(server, null, 'https://evil.example')).rejects.toThrow();
    const own = await editorSocket(server, null, server.url);
    expect(own.connected).toBe(true);
    own.close();
  });
});

describe('first start', () => {
  test('creates the admin from the given password, once', async () => {
    const server = await startServer();
    try {
      const made = await server.app.accounts.ensureFirstAdmin({ username: 'chief', password: 'a chosen long password' });
      expect(made).toEqual({ username: 'chief', oneTimePassword: null });
      expect(await server.app.accounts.ensureFirstAdmin({})).toBeNull();
      expect((await login(server, 'chief', 'a chosen long password')).csrf).toBeTruthy();
    } finally {
      await server.close();
    }
  });

  test('without a password, prints a one-time password that signs in as admin; nothing is open before', async () => {
    const server = await startServer();
    try {
      // Before any account exists, nothing can be written without the env token.
      expect((await request(server, 'PUT', '/api/elections/ge2017/mode', { mode: 'test' })).status).toBe(401);
      const made = await server.app.accounts.ensureFirstAdmin({});
      expect(made?.username).toBe('admin');
      expect(made?.oneTimePassword).toMatch(/^[\w-]{16}$/);
      const admin = await login(server, 'admin', made!.oneTimePassword!);
      const users = await request(server, 'GET', '/api/users', undefined, { session: admin });
      expect(users.body).toEqual([expect.objectContaining({ username: 'admin', role: 'admin' })]);
    } finally {
      await server.close();
    }
  });
});
