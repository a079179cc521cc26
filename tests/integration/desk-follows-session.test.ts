/**
 * Finding 8 of the hostile-outsider review: a disabled or signed-out
 * editor's open socket kept receiving the desk, including another
 * editor's unpublished figures. Now the socket leaves the desk the moment
 * its session ends.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { editorSocket, request, signInDesk, type EditorSocket, type Session } from '../support/session.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('a desk socket follows its session', () => {
  let server: RunningServer;
  let admin: Session;
  let alice: Session;
  let bob: Session;
  const sockets: EditorSocket[] = [];

  beforeEach(async () => {
    server = await startServer();
    [admin, alice, bob] = await signInDesk(server);
    expect(
      (await request(server, 'PUT', '/api/elections/ge2017/confirmation', { requireConfirmation: true }, { session: admin })).status,
    ).toBe(200);
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await server.close();
  });

  /** Bob on the desk, keeping everything the desk sends him. */
  async function bobOnTheDesk() {
    const desk = await editorSocket(server, bob);
    sockets.push(desk);
    const seen: { pending: unknown[]; presence: unknown[]; left: unknown[] } = { pending: [], presence: [], left: [] };
    desk.on('pending:changed', (change) => seen.pending.push(change));
    desk.on('presence:changed', (change) => seen.presence.push(change));
    desk.on('desk:left', (left) => seen.left.push(left));
    expect((await desk.emitWithAck('desk:join', 'ge2017')).ok).toBe(true);
    return { desk, seen };
  }

  async function aliceHoldsAnEntry() {
    const held = await request(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), { session: alice });
    expect(held.status).toBe(202);
  }

  test('signing out takes the socket off the desk at once: no unpublished figures reach it after', async () => {
    const { desk, seen } = await bobOnTheDesk();
    expect((await request(server, 'DELETE', '/api/session', undefined, { session: bob })).status).toBe(200);
    await expect.poll(() => seen.left).toEqual([{ election: 'ge2017', reason: 'signed out' }]);
    await aliceHoldsAnEntry();
    // A desk member who stayed would see it: the admin joins and does.
    const watcher = await editorSocket(server, admin);
    sockets.push(watcher);
    expect((await watcher.emitWithAck('desk:join', 'ge2017')).data?.pending).toHaveLength(1);
    expect(seen.pending).toEqual([]);
    expect(desk.connected).toBe(true); // still a public viewer, only off the desk
  });

  test('an admin disabling the editor takes every socket of theirs off the desk at once', async () => {
    const { seen } = await bobOnTheDesk();
    expect((await request(server, 'POST', '/api/users/bob/disable', undefined, { session: admin })).status).toBe(200);
    await expect.poll(() => seen.left).toEqual([{ election: 'ge2017', reason: 'account disabled' }]);
    await aliceHoldsAnEntry();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.pending).toEqual([]);
  });
});
