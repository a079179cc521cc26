/**
 * A reader's embed asks for what changed since the version it holds (issue 11, ADR 0031):
 * `?since=VERSION` answers a 204 while nothing has changed, only the changes once something has,
 * and the whole reply to a version no longer kept; each answer as cacheable as the reply itself.
 */
import { describe, expect, test } from 'vitest';
import { applyDelta } from '../../shared/protocol/embed-delta.ts';
import { EmbedDelta, LatestEmbedReply, PartyTableEmbedReply, SeatEmbedReply } from '../../shared/protocol/embed-replies.ts';
import { HISTORY_LENGTH } from '../../server/http/embed-versions.ts';
import { EMBED_PUBLIC } from '../../server/http/etag.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { api, closedAfterEach, startServer, type RunningServer } from '../support/server.ts';

const opened = closedAfterEach();
const SEATS = ['E14000674', 'E14000593', 'E14000727', 'E14000759', 'E14000691', 'E14000732', 'E14001036', 'E14000998', 'E14001005'];
const TABLE = '/api/elections/ge2017/party-table';

type Held = { version: string; seq: number } & Record<string, unknown>;

async function get(server: RunningServer, route: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + route, { headers: { 'accept-encoding': 'br', ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

const declare = async (server: RunningServer, seat: string, labour = 20_000) =>
  expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat, labour))).status).toBe(201);

describe('changes since the version an embed holds', () => {
  test('nothing new is a 204, cacheable like the reply, and a 304 to a reader who has it', async () => {
    const server = opened(await startServer());
    await declare(server, CROYDON_CENTRAL);
    const whole = await get(server, TABLE);
    const held = PartyTableEmbedReply.parse(whole.body);
    const { version } = whole.body as Held;
    expect(version).toBe(whole.headers.get('etag')!.slice(1, -1));

    const same = await get(server, `${TABLE}?since=${version}`);
    expect(same.status).toBe(204);
    expect(same.body).toBeNull();
    expect(same.headers.get('cache-control')).toBe(EMBED_PUBLIC);
    expect(same.headers.get('vary')).toBe('accept-encoding');
    // The end of the second it was made in, for nginx's whole-second clock.
    expect(Number(same.headers.get('x-accel-expires')!.slice(1))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) - 1);
    const etag = same.headers.get('etag')!;
    const revalidated = await get(server, `${TABLE}?since=${version}`, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(held.seq).toBe(1);
  });

  test('after a declaration, only the changes: made to the reply held, they give the reply as it is now', async () => {
    const server = opened(await startServer());
    await declare(server, CROYDON_CENTRAL);
    const correctCroydon = async () => {
      const { seat: _seat, ...figures } = labourGainIn(CROYDON_CENTRAL, 20_500);
      expect(
        (await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`, { ...figures, reason: 'a typo' })).status,
      ).toBe(200);
    };
    const changes: [string, () => Promise<void>][] = [
      [TABLE, () => declare(server, SEATS[0])],
      ['/api/elections/ge2017/latest', () => declare(server, SEATS[1])],
      [`/api/elections/ge2017/seats/${CROYDON_CENTRAL}`, correctCroydon],
    ];
    for (const [route, change] of changes) {
      const before = (await get(server, route)).body as Held;
      await change();
      const answer = await get(server, `${route}?since=${before.version}`);
      expect(answer.status, route).toBe(200);
      expect(answer.headers.get('cache-control'), route).toBe(EMBED_PUBLIC);
      expect(answer.headers.get('etag'), route).toBeTruthy();
      const delta = EmbedDelta.parse(answer.body);
      const now = (await get(server, route)).body as Held;
      expect(delta).toMatchObject({ kind: 'delta', from: before.version, version: now.version });
      expect(applyDelta(before, delta.ops), route).toEqual(now);
      expect(JSON.stringify(delta).length, route).toBeLessThan(JSON.stringify(now).length);
      const again = await get(server, `${route}?since=${before.version}`, { 'if-none-match': answer.headers.get('etag')! });
      expect(again.status, route).toBe(304);
    }
    // Each reply still reads as its schema.
    SeatEmbedReply.parse((await get(server, `/api/elections/ge2017/seats/${CROYDON_CENTRAL}`)).body);
    LatestEmbedReply.parse((await get(server, '/api/elections/ge2017/latest')).body);
  });

  test('changes applied in order reach the reply as it is; a reader who missed several gets them in one', async () => {
    const server = opened(await startServer());
    const first = (await get(server, TABLE)).body as Held;
    let held = first;
    for (const [i, seat] of SEATS.slice(0, 4).entries()) {
      await declare(server, seat, 19_000 + i);
      const delta = EmbedDelta.parse((await get(server, `${TABLE}?since=${held.version}`)).body);
      held = applyDelta(held, delta.ops);
      expect(held).toEqual((await get(server, TABLE)).body);
    }
    const missed = await get(server, `${TABLE}?since=${first.version}`);
    expect(EmbedDelta.parse(missed.body).from).toBe(first.version);
    expect(applyDelta(first, (missed.body as EmbedDelta).ops)).toEqual(held);
  });

  test('a version too old to be kept, or never sent, gets the whole reply; one that is not a version is a 400 naming since', async () => {
    const server = opened(await startServer());
    const oldest = (await get(server, TABLE)).body as Held;
    for (const seat of SEATS.slice(0, HISTORY_LENGTH + 1)) {
      await declare(server, seat);
      await get(server, TABLE);
    }
    const now = (await get(server, TABLE)).body as Held;
    for (const since of [oldest.version, 'AAAAAAAAAAAAAAAAAAAAAA']) {
      const answer = await get(server, `${TABLE}?since=${since}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe(EMBED_PUBLIC);
      expect(answer.body).toEqual(now);
    }
    const bad = await get(server, `${TABLE}?since=${encodeURIComponent('"; DROP')}`);
    expect(bad.status).toBe(400);
    expect((bad.body as { problems: { path: string }[] }).problems[0].path).toBe('since');
  });
});
