/**
 * A rushed seat on the dashboard and the big screen (ADR 0024), in a real Chromium: the winner's
 * colour on the map marked as awaiting figures, and "awaiting figures" beside HOLD or GAIN in
 * the latest declarations and the seat embeds; then the full result replaces it. Screenshots at
 * 390 px and 1920x1080.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rushXml } from '../../server/wire/pa-writer.ts';
import type { WireSource } from '../../server/wire/wire-source.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath, smallText } from '../support/browser.ts';
import { onlyPanel, put } from '../support/screens.ts';
import { ELECTION, file, lander, result, seat, type WireNight, wireNight } from '../support/wire.ts';

let night: WireNight;
let browser: Browser;
let uploader: WireSource;
let land: ReturnType<typeof lander>;

beforeAll(async () => {
  night = await wireNight({ intervalMs: 250, timeoutMs: 1500, clientDist: CLIENT_DIST, hexMap: true });
  uploader = night.ftp.uploader();
  land = lander(uploader);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await uploader?.close();
  await night?.close();
});

test('a rush shows on the dashboard and the big screen as the winner awaiting figures; the full result replaces it', async () => {
  const bedford = seat('Bedford');
  const barking = seat('Barking');
  await land(file('result', barking, 1), result(barking, 1));
  await land(
    file('rush', bedford, 1),
    rushXml(ELECTION, bedford.out, { revision: 1, gainOrHold: 'hold', winningParty: 'Lab', sittingParty: 'Lab' }),
  );

  const dashboard = await (await browser.newContext({ viewport: { width: 390, height: 1400 } })).newPage();
  await dashboard.goto(`${night.server.url}/?election=ge2019`);
  const listed = dashboard.locator(`[data-testid="latest-declarations"] [data-seat="${bedford.code}"]`);
  await listed.getByTestId('rush-call').waitFor({ timeout: 15_000 });
  expect(await listed.textContent()).toContain('Lab HOLD');
  expect(await listed.textContent()).toContain('awaiting figures');
  expect(await dashboard.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await dashboard.screenshot({ path: screenshotPath('wire-rush-dashboard-390'), fullPage: true });

  await put(night.server, '/api/elections/ge2019/screen', onlyPanel('map'));
  const bigScreen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await bigScreen.goto(`${night.server.url}/big-screen?election=ge2019`);
  const strip = bigScreen.getByTestId('declaration-strip');
  await strip.getByTestId('rush-call').first().waitFor({ timeout: 15_000 });
  expect(await strip.textContent()).toContain('awaiting figures');
  const hex = bigScreen.locator(`[data-testid="hex-map"] path[data-seat="${bedford.code}"]`);
  expect(await hex.getAttribute('data-status')).toBe('rushed');
  expect(await hex.getAttribute('data-party')).toBe('Lab');
  expect(await hex.locator('title').textContent()).toBe('Bedford: Lab HOLD, awaiting figures');
  expect(await smallText(bigScreen)).toEqual([]);
  await bigScreen.screenshot({ path: screenshotPath('wire-rush-big-screen-1920') });

  // The seat embed, both the light one (polls its reply) and the push one (holds a socket).
  for (const live of ['', '&live=push']) {
    const embed = await (await browser.newContext({ viewport: { width: 390, height: 700 } })).newPage();
    await embed.goto(`${night.server.url}/embed/seat?election=ge2019&seat=${bedford.code}${live}`);
    const call = embed.getByTestId('seat-result').getByTestId('rush-call');
    await call.waitFor({ timeout: 15_000 });
    expect(await call.textContent()).toMatch(/Lab HOLD\s*awaiting figures/);
    await embed.screenshot({ path: screenshotPath(`wire-rush-seat-embed${live ? '-push' : ''}-390`) });
    await embed.close();
  }

  await land(file('result', bedford, 1), result(bedford, 1));
  await bigScreen.locator(`[data-testid="hex-map"] path[data-seat="${bedford.code}"][data-status="declared"]`).waitFor({ timeout: 15_000 });
  await listed.getByTestId('rush-call').waitFor({ state: 'detached', timeout: 15_000 });
  expect(await listed.textContent()).toContain('Lab HOLD');
  expect(await listed.textContent()).toContain('majority');
}, 90_000);
