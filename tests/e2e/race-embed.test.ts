/**
 * The mayoral race's embed (ADR 0025): its small cacheable reply, and the snippet from the screens
 * page pasted into a blog on another origin, at 390 and 700 px, sized to its content, following the
 * count area by area on its next ask.
 */
import http from 'node:http';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { embedSnippet } from '../../client/src/lib/embed-snippet.ts';
import { replayNight } from '../../server/cli/replay-night.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { londonDeclarations, londonNight, readLondonMayor } from '../../server/import/london-mayor.ts';
import { importBaseline } from '../../server/services/import-service.ts';
import type { RaceEmbedReply } from '../../shared/protocol/race-embed.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { api, startServer, tempDir, TEST_TOKEN, type RunningServer } from '../support/server.ts';

const london = readLondonMayor();
const ELECTION = 'london-2024';

describe('the mayoral race embed', () => {
  let server: RunningServer;
  let browser: Browser;
  let blog: http.Server;
  let blogUrl: string;

  const replay = (from: number, to?: number) =>
    replayNight({
      url: server.url,
      token: TEST_TOKEN,
      election: ELECTION,
      results: londonDeclarations(london, '2024').slice(from, to),
      speed: Infinity,
      order: 'file',
      seed: 1,
    });

  beforeAll(async () => {
    const dbPath = path.join(tempDir(), 'race-embed.sqlite');
    const db = openDatabase(dbPath);
    const { election, seats } = londonNight(london, '2024');
    importBaseline(db, election, seats);
    db.close();
    server = await startServer({ dbPath, clientDist: CLIENT_DIST });
    browser = await launchBrowser();
    const snippet = embedSnippet({ origin: server.url, widget: 'race', election: ELECTION, title: 'London mayor: the race' }).replace(
      /(<iframe src="[^"]+)"/,
      '$1&amp;every=2"',
    );
    blog = http.createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:0">${snippet}</body>`);
    });
    await new Promise<void>((resolve) => blog.listen(0, '127.0.0.1', () => resolve()));
    blogUrl = `http://127.0.0.1:${(blog.address() as { port: number }).port}/`;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    blog?.close();
  });

  test('the reply: the race as the screens have it, small, cacheable, revalidated with its ETag', async () => {
    expect(await replay(0, 7)).toMatchObject({ declared: 7, refused: [] });
    const response = await fetch(`${server.url}/api/elections/${ELECTION}/race`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('max-age=1');
    const text = await response.text();
    const reply = JSON.parse(text) as RaceEmbedReply;
    expect(reply.race.line).toBe('Khan leads by 34,087 with 7 of 14 areas declared');
    expect(reply).toMatchObject({ kind: 'race', declared: 7, totalSeats: 14 });
    expect(reply.race.areas.filter((a) => a.status === 'declared')).toHaveLength(7);
    expect(Buffer.byteLength(text)).toBeLessThan(4096);
    const again = await fetch(`${server.url}/api/elections/${ELECTION}/race`, {
      headers: { 'if-none-match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  test('an election that is not a mayoral count has no race: 404 naming the field', async () => {
    const answer = await api(server, 'GET', '/api/elections/ge2017/race');
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).toContain('election');
  });

  async function raceFrame(page: Page): Promise<Frame> {
    const handle = (await page.locator('iframe[src*="/embed/race"]').elementHandle())!;
    await expect.poll(async () => (await handle.contentFrame())?.url() ?? '', { timeout: 10_000 }).toContain('/embed/race');
    return (await handle.contentFrame())!;
  }

  for (const width of [390, 700]) {
    test(`at ${width} px on a blog the frame takes the embed's height, and shows the running race`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(blogUrl);
      const frame = await raceFrame(page);
      await frame.getByTestId('race-line').waitFor();
      expect(await frame.getByTestId('race-line').innerText()).toMatch(
        /^Khan leads by [0-9,]+ with \d+ of 14 areas declared|^Sadiq Khan \(Lab\) is elected mayor/,
      );
      const inner = await frame.locator('[data-testid="embed"]').evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
      await expect.poll(async () => page.locator('iframe').evaluate((f) => Math.ceil(f.getBoundingClientRect().height))).toBe(inner);
      expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: screenshotPath(`race-embed-${width}`), fullPage: true });
      await page.close();
    });
  }

  test('follows the count on its next ask: all 14 areas, then London declared', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(blogUrl);
    const frame = await raceFrame(page);
    await frame.getByTestId('race-line').waitFor();
    expect(await replay(7)).toMatchObject({ declared: 8, refused: [] });
    await expect
      .poll(() => frame.getByTestId('race-line').innerText(), { timeout: 10_000 })
      .toBe('Sadiq Khan (Lab) is elected mayor: Lab HOLD; Khan 1,088,225, Hall 812,397');
    expect(await frame.getByTestId('mayoral-rounds').innerText()).toContain('1,088,225');
    expect(await frame.locator('[data-testid="race-areas"] li[data-status="declared"]').count()).toBe(14);
    await page.screenshot({ path: screenshotPath('race-embed-390-declared'), fullPage: true });
    await page.close();
  });
});
