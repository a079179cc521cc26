import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { seatCard } from '../../server/share/cards.ts';
import type { SeatState } from '../../shared/protocol/schemas.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { screenshotPath, SCREENSHOTS } from '../support/browser.ts';
import { api, closedAfterEach, startServer, TEST_TOKEN, type RunningServer } from '../support/server.ts';
import { request } from '../support/session.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function get(server: RunningServer, path: string) {
  const response = await fetch(server.url + path, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

const seatPng = (version: number, size = '1200x675') => `/share/ge2017/seat/${CROYDON_CENTRAL}/v${version}-${size}.png`;

describe('share images', () => {
  const closeLater = closedAfterEach();

  test('a declaration has its images at both sizes from the moment of its 201, under 150 KB, cached by version', async () => {
    const server = closeLater(await startServer());
    // The article elections start in test mode: a live night's images are the ones cached for a year.
    expect(
      (await request(server, 'PUT', '/api/elections/ge2017/mode', { mode: 'live' }, { bearer: TEST_TOKEN, origin: null })).status,
    ).toBe(200);
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);

    const landscape = await get(server, seatPng(1));
    expect(landscape.status).toBe(200);
    expect(landscape.headers.get('content-type')).toBe('image/png');
    expect(landscape.headers.get('cache-control')).toContain('immutable');
    expect(pngSize(landscape.body)).toEqual({ width: 1200, height: 675 });
    expect(landscape.body.length).toBeLessThan(150 * 1024);
    const square = await get(server, seatPng(1, '1080x1080'));
    expect(pngSize(square.body)).toEqual({ width: 1080, height: 1080 });
    expect(square.body.length).toBeLessThan(150 * 1024);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.writeFileSync(screenshotPath('share-seat-1200x675'), landscape.body);
    fs.writeFileSync(screenshotPath('share-seat-1080x1080'), square.body);

    const party = await get(server, '/share/ge2017/house/s1-1200x675.png');
    expect(pngSize(party.body)).toEqual({ width: 1200, height: 675 });
    fs.writeFileSync(screenshotPath('share-house-1200x675'), party.body);

    // A correction is a new version with its own image; the first version's image does not change.
    const fixed = await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`, {
      ...labourGainIn(CROYDON_CENTRAL, 20_500, 18_000),
      reason: 'Labour total misread',
      basedOnVersion: 1,
    });
    expect(fixed.status).toBe(200);
    const second = await get(server, seatPng(2));
    expect(second.status).toBe(200);
    expect(second.body.equals(landscape.body)).toBe(false);
    expect((await get(server, seatPng(1))).body.equals(landscape.body)).toBe(true);

    const latest = await get(server, `/share/ge2017/seat/${CROYDON_CENTRAL}/latest-1200x675.png`);
    expect(latest.status).toBe(302);
    expect(latest.headers.get('location')).toBe(seatPng(2));
  });

  test('a version that does not exist, a size not offered or a seat with no result answers 404 and says why', async () => {
    const server = closeLater(await startServer());
    const missing = await get(server, seatPng(1));
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString()).error).toContain('has no version 1');
    expect((await get(server, `/share/ge2017/seat/${CROYDON_CENTRAL}/v1-640x480.png`)).status).toBe(404);
    expect((await get(server, `/share/ge2017/seat/${CROYDON_CENTRAL}/latest-1200x675.png`)).status).toBe(404);
    expect((await get(server, '/share/ge2017/house/s1-1200x675.png')).status).toBe(404);
  });

  test("a rehearsal's card says REHEARSAL across it and in its top band", () => {
    const seat = {
      code: 'X',
      name: 'Somewhere',
      status: 'recount',
      version: 2,
      lastChange: 'recount',
      lastReason: null,
      declaration: null,
      outcome: null,
      updatedAt: '2024-07-05T01:00:00Z',
    } satisfies SeatState;
    const election = { id: 'e', name: 'Test night', kind: 'general', totalSeats: 650, baselineName: 'GE', mode: 'rehearsal' } as const;
    const rehearsal = JSON.stringify(seatCard(election, seat, [], 'landscape'));
    expect(rehearsal).toContain('REHEARSAL: NOT REAL RESULTS');
    expect(rehearsal.match(/REHEARSAL/g)).toHaveLength(2);
    expect(JSON.stringify(seatCard({ ...election, mode: 'live' }, seat, [], 'landscape'))).not.toContain('REHEARSAL');
  });
});
