import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { editorSocket, request, signInDesk, type EditorSocket, type Session } from '../support/session.ts';
import { startServer, TEST_TOKEN, watch, type RunningServer, type Viewer } from '../support/server.ts';

describe("the editors' desk: second-editor confirmation, presence, conflicts and the audit trail", () => {
  let server: RunningServer;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  const sockets: (Viewer | EditorSocket)[] = [];

  beforeEach(async () => {
    server = await startServer();
    [admin, alice, bob] = await signInDesk(server);
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await server.close();
  });

  const publicState = async () => (await request(server, 'GET', '/api/elections/ge2017/state')).body;
  const requireConfirmation = () =>
    request(server, 'PUT', '/api/elections/ge2017/confirmation', { requireConfirmation: true }, { session: admin });

  test('a held declaration stays off public state, feeds and sockets until a different editor confirms matching figures', async () => {
    expect((await requireConfirmation()).status).toBe(200);
    const viewer = await watch(server, 'ge2017');
    const desk = await editorSocket(server, bob);
    sockets.push(viewer, desk);
    const pendingSeen: unknown[] = [];
    desk.on('pending:changed', (change) => pendingSeen.push(change));
    expect((await desk.emitWithAck('desk:join', 'ge2017')).ok).toBe(true);
    const before = await publicState();

    const held = await request(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), { session: alice });
    expect(held.status).toBe(202);
    expect(held.body.pending).toMatchObject({ seat: CROYDON_CENTRAL, enteredBy: 'alice', kind: 'declared' });
    const id = held.body.pending.id;

    // Nothing public moved.
    const after = await publicState();
    expect(after.seq).toBe(before.seq);
    expect(after.seatStates.find((s: { code: string }) => s.code === CROYDON_CENTRAL).status).toBe('undeclared');
    expect((await request(server, 'GET', '/api/elections/ge2017/feed.json')).body.entries).toEqual([]);
    await expect.poll(() => pendingSeen.length).toBe(1);
    expect(viewer.updates).toEqual([]);
    expect((await request(server, 'GET', '/api/elections/ge2017/desk', undefined, { session: bob })).body.pending).toHaveLength(1);

    // The same editor cannot confirm their own entry.
    const own = await request(server, 'POST', `/api/elections/ge2017/pending/${id}/confirm`, labourGainIn(CROYDON_CENTRAL), {
      session: alice,
    });
    expect(own.status).toBe(403);

    // A mismatch blocks publication and says which figures differ.
    const typo = labourGainIn(CROYDON_CENTRAL);
    typo.candidates[1].votes = 18_001;
    const { seat: _s, ...typoFigures } = typo;
    const mismatch = await request(server, 'POST', `/api/elections/ge2017/pending/${id}/confirm`, typoFigures, { session: bob });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.problems).toEqual([{ path: 'candidates[1].votes', message: 'does not match the first entry' }]);
    expect((await publicState()).seq).toBe(before.seq);

    // Matching figures publish it with the next public sequence number: no gap for viewers.
    const { seat: _t, ...figures } = labourGainIn(CROYDON_CENTRAL);
    const confirmed = await request(server, 'POST', `/api/elections/ge2017/pending/${id}/confirm`, figures, { session: bob });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.seq).toBe(before.seq + 1);
    const update = await viewer.nextUpdate();
    expect(update.seq).toBe(before.seq + 1);
    expect(update.seat.declaration).not.toHaveProperty('enteredBy');
    const row = server.db.prepare('SELECT entered_by, confirmed_by FROM declaration_versions WHERE seat_code = ?').get(CROYDON_CENTRAL);
    expect(row).toEqual({ entered_by: 'alice', confirmed_by: 'bob' });
    // The held entry is kept, resolved, with the sequence number it went out with.
    const kept = server.db.prepare('SELECT status, resolved_by, published_seq FROM pending_entries WHERE id = ?').get(id);
    expect(kept).toEqual({ status: 'confirmed', resolved_by: 'bob', published_seq: before.seq + 1 });
    await expect.poll(() => pendingSeen.length).toBe(2);
    expect((pendingSeen.at(-1) as { pending: unknown[] }).pending).toEqual([]);

    // Confirming twice is refused.
    expect((await request(server, 'POST', `/api/elections/ge2017/pending/${id}/confirm`, figures, { session: bob })).status).toBe(409);
  });

  test('a held correction on a seat that moved on meanwhile cannot be confirmed', async () => {
    await request(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), {
      bearer: TEST_TOKEN,
      origin: null,
    });
    await requireConfirmation();
    const { seat: _s, ...figures } = labourGainIn(CROYDON_CENTRAL, 21_000);
    const held = await request(
      server,
      'POST',
      `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`,
      { ...figures, reason: 'Lab votes misread', basedOnVersion: 1 },
      { session: alice },
    );
    expect(held.status).toBe(202);
    await request(
      server,
      'POST',
      `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/recount`,
      { reason: 'recount called', basedOnVersion: 1 },
      { session: bob },
    );
    const stale = await request(server, 'POST', `/api/elections/ge2017/pending/${held.body.pending.id}/confirm`, figures, { session: bob });
    expect(stale.status).toBe(409);
  });

  test('two concurrent corrections of one seat: exactly one succeeds, the other gets 409 with the seat as it now is', async () => {
    await request(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), { session: alice });
    const route = `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`;
    const { seat: _a, ...one } = labourGainIn(CROYDON_CENTRAL, 20_100);
    const { seat: _b, ...two } = labourGainIn(CROYDON_CENTRAL, 20_200);
    const answers = await Promise.all([
      request(server, 'POST', route, { ...one, reason: 'alice: Lab misread', basedOnVersion: 1 }, { session: alice }),
      request(server, 'POST', route, { ...two, reason: 'bob: Lab misread', basedOnVersion: 1 }, { session: bob }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.seat.version).toBe(2);
    expect(server.db.prepare('SELECT COUNT(*) FROM declaration_versions').pluck().get()).toBe(2);
  });

  test('editors see who else is working on a seat; the public room does not', async () => {
    const viewer = await watch(server, 'ge2017');
    const a = await editorSocket(server, alice);
    const b = await editorSocket(server, bob);
    sockets.push(viewer, a, b);
    await a.emitWithAck('desk:join', 'ge2017');
    await b.emitWithAck('desk:join', 'ge2017');
    const seen = new Promise((resolve) => b.once('presence:changed', resolve));
    expect(await a.emitWithAck('seat:editing', CROYDON_CENTRAL)).toEqual({ ok: true, data: null });
    expect(await seen).toMatchObject({ election: 'ge2017', presence: [{ username: 'alice', seat: CROYDON_CENTRAL }] });
    const left = new Promise((resolve) => b.once('presence:changed', resolve));
    a.close();
    expect(await left).toMatchObject({ presence: [] });
    expect(viewer.updates).toEqual([]);
  });

  test('the audit trail lists every version with who, why, before and after, filters, and exports CSV that stays text', async () => {
    const nasty = labourGainIn(CROYDON_CENTRAL);
    nasty.candidates[2].name = '=HYPERLINK("http://evil.example","x")';
    await request(server, 'POST', '/api/elections/ge2017/declarations', nasty, { session: alice });
    const { seat: _s, ...fixed } = labourGainIn(CROYDON_CENTRAL, 20_500);
    await request(
      server,
      'POST',
      `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`,
      { ...fixed, reason: 'Lab votes misread', basedOnVersion: 1 },
      { session: bob },
    );

    const audit = await request(server, 'GET', '/api/elections/ge2017/audit', undefined, { session: alice });
    expect(audit.status).toBe(200);
    expect(audit.body).toHaveLength(2);
    expect(audit.body[1]).toMatchObject({ kind: 'corrected', enteredBy: 'bob', reason: 'Lab votes misread', version: 2 });
    expect(audit.body[1].before).toContain('Lab Alex Example 20000');
    expect(audit.body[1].after).toContain('Lab Alex Example 20500');

    const bobs = await request(server, 'GET', '/api/elections/ge2017/audit?editor=bob&kind=corrected', undefined, { session: alice });
    expect(bobs.body).toHaveLength(1);

    const csv = await request(server, 'GET', '/api/elections/ge2017/audit.csv', undefined, { session: alice });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'seq,version,seat,name,kind,status,enteredBy,enteredAt,confirmedBy,reason,source,declaredAt,newParties,before,after',
    );
    expect(csv.text).not.toMatch(/(^|,)"=/m);
    expect(csv.text).toContain('""http://evil.example""');
  });
});
