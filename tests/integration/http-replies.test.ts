/**
 * The HTTP replies are what shared/protocol/http-replies.ts says they are:
 * each kind of reply the client reads into a meaning, read back here with
 * its schema made strict, so a field added, dropped or renamed on either
 * side fails here rather than on an editor's screen.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ElectionListing, HeldReply, PublishedReply, RefusalBody } from '../../shared/protocol/http-replies.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { api, startServer, type RunningServer } from '../support/server.ts';
import { addUser, login, request } from '../support/session.ts';

describe('the HTTP replies match their shared schemas', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  test('the list of elections', async () => {
    const { status, body } = await api(server, 'GET', '/api/elections');
    expect(status).toBe(200);
    expect(() => ElectionListing.strict().array().min(1).parse(body)).not.toThrow();
  });

  test('a declaration published, then the same seat declared again: 201, then a 409 carrying the seat as it now is', async () => {
    const published = await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL));
    expect(published.status).toBe(201);
    expect(PublishedReply.strict().parse(published.body).seat.code).toBe(CROYDON_CENTRAL);
    const again = await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL));
    expect(again.status).toBe(409);
    expect(RefusalBody.strict().parse(again.body).seat?.version).toBe(1);
  });

  test('refusals: a field at fault (400), no credentials (401), no such election (404)', async () => {
    const bad = { ...labourGainIn(CROYDON_CENTRAL), candidates: [] };
    const invalid = await api(server, 'POST', '/api/elections/ge2017/declarations', bad);
    expect(invalid.status).toBe(400);
    expect(
      RefusalBody.strict()
        .parse(invalid.body)
        .problems.map((p) => p.path),
    ).toEqual(['candidates']);
    const unsigned = await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), null);
    expect(unsigned.status).toBe(401);
    expect(() => RefusalBody.strict().parse(unsigned.body)).not.toThrow();
    const missing = await api(server, 'GET', '/api/elections/no-such-night/state');
    expect(missing.status).toBe(404);
    expect(() => RefusalBody.strict().parse(missing.body)).not.toThrow();
  });

  test('an entry held for a second editor (202), then confirmed by another (200)', async () => {
    await addUser(server, 'ada', 'admin');
    await addUser(server, 'alice');
    const [ada, alice] = await Promise.all([login(server, 'ada'), login(server, 'alice')]);
    expect(
      (await request(server, 'PUT', '/api/elections/ge2024/confirmation', { requireConfirmation: true }, { session: ada })).status,
    ).toBe(200);
    const seat = (await api(server, 'GET', '/api/elections/ge2024/state')).body.seats[0].code as string;
    const entry = labourGainIn(seat);
    const held = await request(server, 'POST', '/api/elections/ge2024/declarations', entry, { session: alice });
    expect(held.status).toBe(202);
    const { pending } = HeldReply.strict().parse(held.body);
    const { seat: _seat, ...figures } = entry;
    const confirmed = await request(server, 'POST', `/api/elections/ge2024/pending/${pending.id}/confirm`, figures, { session: ada });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(PublishedReply.strict().parse(confirmed.body).seat.code).toBe(seat);
  });
});
