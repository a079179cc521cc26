import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { EMBED_PUBLIC, REVALIDATE_EACH_TIME } from '../../server/http/etag.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { readHexJson } from '../../server/import/hexjson.ts';
import { importBaseline, importHexMap } from '../../server/services/import-service.ts';
import { expandSnapshot, type CompactSnapshot, type NightReference } from '../../shared/protocol/compact-snapshot.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { HexMap } from '../../shared/protocol/schemas.ts';
import { labourGainIn } from '../fixtures/declarations.ts';
import { getRaw, type Raw } from '../support/raw-get.ts';
import { api, closedAfterEach, startServer, tempDir } from '../support/server.ts';

const json = <T>(raw: Raw): T =>
  JSON.parse((raw.headers['content-encoding'] === 'br' ? brotliDecompressSync(raw.body) : raw.body).toString('utf8')) as T;

describe('the lean reference and snapshot a dashboard and a big screen start from', () => {
  const opened = closedAfterEach();

  test('GET /lean-reference: no candidate lists or baseline candidates’ names, its own ETag, a 304 when held', async () => {
    const server = opened(await startServer());
    const full = await getRaw(server, '/api/elections/ge2017/reference');
    const first = await getRaw(server, '/api/elections/ge2017/lean-reference', { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe(REVALIDATE_EACH_TIME);
    expect(first.headers.vary).toBe('accept-encoding');
    const reference = json<NightReference>(full);
    const lean = json<NightReference>(first);
    expect(first.headers.etag).toBe(`"${reference.referenceVersion}-winners"`);
    expect(lean).toMatchObject({ referenceVersion: reference.referenceVersion, names: 'winners', candidates: {} });
    expect(lean.seats.map((s) => [s.code, s.name, s.baseline.mp, s.baseline.majority, s.notes])).toEqual(
      reference.seats.map((s) => [s.code, s.name, s.baseline.mp, s.baseline.majority, s.notes]),
    );
    for (const seat of lean.seats) for (const vote of seat.baseline.votes ?? []) expect(vote.name).toBeUndefined();
    expect((await getRaw(server, '/api/elections/ge2017/lean-reference', { 'if-none-match': first.headers.etag! })).status).toBe(304);
    expect((await getRaw(server, '/api/elections/nope/lean-reference')).status).toBe(404);
  });

  test('GET /lean-snapshot: the winners named, the rest not, tagged as /snapshot (a screen resumes with it), a 304 when held', async () => {
    const server = opened(await startServer());
    const seat = (await api(server, 'GET', '/api/elections/ge2017/state')).body.seatStates[0].code;
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))).status).toBe(201);

    const whole = await getRaw(server, '/api/elections/ge2017/snapshot');
    const first = await getRaw(server, '/api/elections/ge2017/lean-snapshot', { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe(EMBED_PUBLIC);
    expect(first.headers.etag).toBe(whole.headers.etag);
    const snapshot = json<CompactSnapshot>(first);
    expect(snapshot.names).toBe('winners');
    const reference = json<NightReference>(await getRaw(server, '/api/elections/ge2017/lean-reference'));
    const state = expandSnapshot(snapshot, reference);
    const declared = state.seatStates.find((s) => s.code === seat)!;
    expect(declared.outcome?.winner.name).toBe('Alex Example');
    const now = (await api(server, 'GET', '/api/elections/ge2017/state')).body.seatStates.find((s: { code: string }) => s.code === seat);
    expect(declared.outcome?.label).toEqual(now.outcome.label);
    expect(declared.outcome?.majority).toBe(now.outcome.majority);
    expect(declared.declaration?.candidates.map((c) => c.name)).toEqual(['Alex Example', '', '']);
    expect(snapshot.house).toBeUndefined();
    expect(state.house).toEqual(json<CompactSnapshot>(whole).house);
    expect((await getRaw(server, '/api/elections/ge2017/lean-snapshot', { 'if-none-match': first.headers.etag! })).status).toBe(304);
    expect((await getRaw(server, '/api/elections/nope/lean-snapshot')).status).toBe(404);

    // Holding the lean copy's tag, the socket joins without a snapshot and the next update names every candidate.
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = opened(
      connect(server.url, { transports: ['websocket'], forceNew: true }),
    );
    const snapshots: CompactSnapshot[] = [];
    socket.on('state:snapshot', (s) => snapshots.push(s));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    expect(await new Promise((resolve) => socket.emit('election:resume', 'ge2017', first.headers.etag!, resolve))).toEqual({
      ok: true,
      data: { seq: 1 },
    });
    const updated = new Promise<unknown[]>((resolve) =>
      socket.once('election:updated', (u) => resolve(u.seat[5]!.candidates.map(([n]) => n))),
    );
    const next = state.seatStates[1].code;
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(next))).status).toBe(201);
    expect(await updated).toEqual(['Alex Example', 'Sam Sample', 'Jo Placeholder']);
    expect(snapshots).toHaveLength(0);
  });

  test('the reference carries the hex map’s regions; its first reader, lean or whole, gets Brotli 11 as later ones do', async () => {
    const dbPath = path.join(tempDir(), 'election.sqlite');
    const db = openDatabase(dbPath);
    importBaseline(db, PRESETS.ge2019.election, readBaselineSeats(dataFile(PRESETS.ge2019.baseline)));
    importHexMap(db, 'ge2019', readHexJson(dataFile(PRESETS.ge2019.hexmap)), PRESETS.ge2019.hexmap);
    db.close();
    const server = opened(await startServer({ dbPath }));
    // The hex map's regions come with the reference: the dashboard's projection needs them, not the map.
    const map = json<HexMap>(await getRaw(server, '/api/elections/ge2019/hexmap'));
    const regions = json<NightReference>(await getRaw(server, '/api/elections/ge2019/lean-reference')).regions!;
    expect(Object.keys(regions)).toHaveLength(650);
    for (const hex of map.hexes) expect(regions[hex.code]).toBe(hex.region);
    for (const route of ['/api/elections/ge2019/reference', '/api/elections/ge2019/lean-reference']) {
      const first = await getRaw(server, route, { 'accept-encoding': 'br' });
      expect(first.headers['content-encoding']).toBe('br');
      const identity = (await getRaw(server, route, { 'accept-encoding': 'identity' })).body;
      expect(identity.length).toBeGreaterThan(64 * 1024);
      const best = brotliCompressSync(identity, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
      });
      expect(first.body.equals(best)).toBe(true);
    }
  });
});
