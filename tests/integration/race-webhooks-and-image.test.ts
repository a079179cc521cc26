/**
 * Webhooks for a mayoral count (ADR 0025): each area's declaration as a seat's, and the headline
 * event when the race's story changes (a new leader, the London-wide declaration), never the
 * House's headline, which means nothing for a count of areas; and the share image after a change is
 * the race's. Real server, real HTTP receiver.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { replayNight } from '../../server/cli/replay-night.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { londonDeclarations, londonNight, readLondonMayor } from '../../server/import/london-mayor.ts';
import { importBaseline } from '../../server/services/import-service.ts';
import { raceCard } from '../../server/share/cards.ts';
import { mayoralRace } from '../../shared/domain/mayoral-race.ts';
import { NO_CONTINUITY } from '../../shared/domain/party.ts';
import type { ElectionState } from '../../shared/protocol/schemas.ts';
import { screenshotPath, SCREENSHOTS } from '../support/browser.ts';
import { api, closedAfterEach, startServer, tempDir, TEST_TOKEN } from '../support/server.ts';
import { addUser, login, request } from '../support/session.ts';
import { startReceiver } from '../support/webhook-receiver.ts';

const SECRET = 'whsec_test_0123456789abcdef';
const london = readLondonMayor();

describe('webhooks for the mayoral race', () => {
  const closeLater = closedAfterEach();

  test('areas arrive as declarations; the headline follows the race and ends on the London-wide declaration', async () => {
    const dbPath = path.join(tempDir(), 'race-webhooks.sqlite');
    const db = openDatabase(dbPath);
    const { election, seats } = londonNight(london, '2024');
    importBaseline(db, election, seats);
    db.close();
    const server = closeLater(await startServer({ dbPath, webhooks: { retryDelaysMs: [20], timeoutMs: 2000 } }));
    const receiver = closeLater(await startReceiver(SECRET));
    await addUser(server, 'ada', 'admin');
    const admin = await login(server, 'ada');
    const made = await request(
      server,
      'POST',
      '/api/webhooks',
      { name: 'live blog', url: receiver.url, secret: SECRET, events: ['declarations', 'headline'], election: 'london-2024' },
      { session: admin },
    );
    expect(made.status, made.text).toBe(201);

    const results = londonDeclarations(london, '2024');
    expect(
      await replayNight({ url: server.url, token: TEST_TOKEN, election: 'london-2024', results, speed: Infinity, order: 'file', seed: 1 }),
    ).toMatchObject({
      declared: 15,
      refused: [],
    });

    // Let the last deliveries land: 15 declarations and the headlines, then nothing more.
    await receiver.waitFor(16);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const got = receiver.received.map((r) => r.json);
    expect(got.filter((j) => j.type === 'declaration')).toHaveLength(15);
    const headlines = got.filter((j) => j.type === 'headline');
    // Each headline tells the race, not the House: no House figures in any of them.
    expect(headlines.every((h) => h.race && !h.headline)).toBe(true);
    // The first area gives the race its first leader; the Returning Officer's declaration is the last story.
    expect(headlines[0].race).toMatchObject({ state: 'leads', areasDeclared: 1, areasTotal: 14 });
    expect(headlines.at(-1)).toMatchObject({
      line: 'London mayor 2024 (rehearsal): Sadiq Khan (Lab) is elected mayor: Lab HOLD; Khan 1,088,225, Hall 812,397.',
      race: { state: 'elected', candidate: 'Sadiq Khan', party: 'Lab', areasDeclared: 14, result: 'Lab HOLD' },
      previous: { state: 'leads', candidate: 'Sadiq Khan' },
    });
    // Not one per area: only when the story changed.
    expect(headlines.length).toBeLessThan(15);
    expect(new Set(headlines.map((h) => h.id)).size).toBe(headlines.length);
    expect(headlines.at(-1).images.landscape).toMatch(/\/share\/london-2024\/house\/s15-1200x675\.png$/);

    // The image those links name is the race (the line, the areas declared), at both sizes, mid-count and at the end.
    const state: ElectionState = (await api(server, 'GET', '/api/elections/london-2024/state')).body;
    const card = JSON.stringify(
      raceCard(
        state.election,
        mayoralRace({ count: state.election.count!, seatStates: state.seatStates, continuity: NO_CONTINUITY }),
        state.parties,
        'landscape',
        null,
      ),
    );
    expect(card).toContain('Sadiq Khan (Lab) is elected mayor: Lab HOLD; Khan 1,088,225, Hall 812,397');
    expect(card).toContain('14 of 14 areas declared');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [seq, size, name] of [
      [7, '1200x675', 'mid'],
      [15, '1200x675', 'declared'],
      [15, '1080x1080', 'declared'],
    ] as const) {
      const png = await fetch(`${server.url}/share/london-2024/house/s${seq}-${size}.png`);
      expect(png.status).toBe(200);
      const body = Buffer.from(await png.arrayBuffer());
      expect(body.readUInt32BE(16)).toBe(Number(size.split('x')[0]));
      fs.writeFileSync(screenshotPath(`share-race-${name}-${size}`), body);
    }
  });
});
