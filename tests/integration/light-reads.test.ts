/**
 * What a reader downloads (issue 11): every text reply compressed as the browser asks (Brotli, gzip,
 * or as it is), pages and hashed assets with the cache headers a CDN acts on, and the light embeds'
 * small replies: one seat, the party table, the latest declarations, each with only what it shows.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { LatestEmbedReply, PartyTableEmbedReply, SeatEmbedReply } from '../../shared/protocol/embed-replies.ts';
import { ASSET_CACHE, PAGE_CACHE } from '../../server/http/static-files.ts';
import { EMBED_PUBLIC } from '../../server/http/etag.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { CLIENT_DIST } from '../support/browser.ts';
import { api, closedAfterEach, startServer, type RunningServer } from '../support/server.ts';

const opened = closedAfterEach();
const EALING = 'E14000674';

/** The reply as it came over the wire: status, headers and the raw (maybe compressed) bytes. */
function raw(server: RunningServer, route: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
    http
      .get(server.url + route, { headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const decoded = (reply: { headers: http.IncomingHttpHeaders; bytes: Buffer }) => {
  const encoding = reply.headers['content-encoding'];
  const bytes = encoding === 'br' ? brotliDecompressSync(reply.bytes) : encoding === 'gzip' ? gunzipSync(reply.bytes) : reply.bytes;
  return bytes.toString('utf8');
};

describe('compression', () => {
  test('the state goes as Brotli or gzip as asked, the same JSON either way, and as it is to a reader who asks for neither', async () => {
    const server = opened(await startServer());
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    const plain = await raw(server, '/api/elections/ge2017/state');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await raw(server, '/api/elections/ge2017/state', { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await raw(server, '/api/elections/ge2017/state', { 'accept-encoding': 'gzip;q=1, br;q=0' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    for (const reply of [br, gzip]) {
      expect(reply.headers.vary).toBe('accept-encoding');
      expect(reply.headers.etag).toBe(plain.headers.etag);
      expect(reply.bytes.length).toBeLessThan(plain.bytes.length / 3);
      expect(decoded(reply)).toBe(plain.bytes.toString('utf8'));
    }
  });

  test('the reference is compressed once and kept; a reply not kept (the feed) is compressed as it goes', async () => {
    const server = opened(await startServer());
    for (const seat of [CROYDON_CENTRAL, EALING])
      expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))).status).toBe(201);
    const reference = await raw(server, '/api/elections/ge2017/reference', { 'accept-encoding': 'br' });
    expect(reference.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decoded(reference)).seats.length).toBeGreaterThan(0);
    const feed = await raw(server, '/api/elections/ge2017/feed.json', { 'accept-encoding': 'gzip' });
    expect(feed.status).toBe(200);
    expect(feed.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(feed)).entries).toHaveLength(2);
  });
});

describe('pages and assets', () => {
  test('hashed assets are kept a year, pages a minute; both sent pre-compressed', async () => {
    const server = opened(await startServer({ clientDist: CLIENT_DIST }));
    const page = await raw(server, '/big-screen?election=ge2017', { 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe(PAGE_CACHE);
    expect(page.headers.etag).toBeTruthy();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(decoded(page))![1];
    const asset = await raw(server, script, { 'accept-encoding': 'gzip, br' });
    expect(asset.headers['cache-control']).toBe(ASSET_CACHE);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers.vary).toBe('accept-encoding');
    // The very bytes the build wrote beside the asset.
    expect(asset.bytes.equals(fs.readFileSync(path.join(CLIENT_DIST, `${script}.br`)))).toBe(true);
    const plain = await raw(server, script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(brotliDecompressSync(asset.bytes).equals(plain.bytes)).toBe(true);
  });
});

describe("the light embeds' replies", () => {
  test('one seat: its result, its baseline, and only the parties it names; a 304 until something changes', async () => {
    const server = opened(await startServer());
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    const route = `/api/elections/ge2017/seats/${CROYDON_CENTRAL}`;
    const first = await raw(server, route);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe(EMBED_PUBLIC);
    const reply = SeatEmbedReply.parse(JSON.parse(decoded(first)));
    expect(reply.now.outcome?.label.text).toBe('Lab GAIN from Con');
    expect(reply.seat.baseline).toMatchObject({ party: 'Con', majority: 165 });
    expect(reply.parties.map((p) => p.code).sort()).toEqual(['Con', 'LD', 'Lab']);
    expect(reply).toMatchObject({ seq: 1, declared: 1, totalSeats: 650 });
    expect(first.bytes.length).toBeLessThan(3_000);

    const held = await raw(server, route, { 'if-none-match': String(first.headers.etag) });
    expect(held.status).toBe(304);
    // Any declaration moves the count on the embed's footer: a new version.
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(EALING))).status).toBe(201);
    const moved = await raw(server, route, { 'if-none-match': String(first.headers.etag) });
    expect(moved.status).toBe(200);
    expect(SeatEmbedReply.parse(JSON.parse(decoded(moved))).declared).toBe(2);
  });

  test('a seat that is not there is a 404 naming it; a code that is not a seat code is a 400 naming it', async () => {
    const server = opened(await startServer());
    const missing = await raw(server, '/api/elections/ge2017/seats/E14999999');
    expect(missing.status).toBe(404);
    expect(JSON.parse(decoded(missing)).error).toMatch(/^seat: no seat E14999999 in ge2017/);
    const bad = await raw(server, '/api/elections/ge2017/seats/DROP%20TABLE');
    expect(bad.status).toBe(400);
    expect(JSON.parse(decoded(bad)).problems[0].path).toBe('seat');
    expect((await raw(server, '/api/elections/nope/party-table')).status).toBe(404);
  });

  test('the party table and the latest declarations, newest first', async () => {
    const server = opened(await startServer());
    for (const seat of [CROYDON_CENTRAL, EALING])
      expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))).status).toBe(201);
    const table = PartyTableEmbedReply.parse(JSON.parse(decoded(await raw(server, '/api/elections/ge2017/party-table'))));
    expect(table.house.partyTable.find((r) => r.party === 'Lab')).toMatchObject({ seats: 2 });
    expect(table.parties.map((p) => p.code)).toEqual(expect.arrayContaining(['Lab', 'Con', 'LD']));
    const latest = LatestEmbedReply.parse(JSON.parse(decoded(await raw(server, '/api/elections/ge2017/latest'))));
    expect(latest.seatStates.map((s) => s.code)).toEqual([EALING, CROYDON_CENTRAL]);
  });
});
