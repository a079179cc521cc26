/**
 * The big screen fits the screen it is on, in a real Chromium, at the end of two whole nights (the 2019
 * general election on its hex map, the 2024 London mayoral count): on a projector (1280x720, 1366x768,
 * 1920x1080) nothing runs under the ticker or is cut, in type no smaller than 24px, at the end of the count
 * and (London) half-way through it; on a phone (360, 390 px) nothing pushes the page sideways. Screenshots go to test-results/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { londonDeclarations, readLondonMayor } from '../../server/import/london-mayor.ts';
import type { ScreenSettings } from '../../shared/protocol/schemas.ts';
import { launchBrowser, screenshotPath, smallText } from '../support/browser.ts';
import { GE, LONDON, startDeclaredNights } from '../support/declared-nights.ts';
import { sidewaysScroll, underTheTicker } from '../support/fit.ts';
import { put } from '../support/screens.ts';
import { api, type RunningServer } from '../support/server.ts';

/** One panel held for ten minutes, of this election or the other one. */
const held = (panel: ScreenSettings['panels'][number]['panel'], election?: string): ScreenSettings => ({
  panels: [{ panel, seconds: 600, ...(election && { election }) }],
  gainSpotlightSeconds: 0,
});

const MAP = ['[data-testid="hex-map"] .hexes', '[data-testid="map-legend"] li', '.map-side > *'];
const TILES = ['[data-testid="area-tiles"] .tile', '[data-testid="mayoral-race"] > *'];
/** The result's rows once declared; while counting, the totals and the gap. */
const RACE = [...TILES, '[data-testid="mayoral-race"] tr'];
const COUNTING = [...TILES, '[data-testid="mayoral-totals"] li', '[data-testid="mayoral-gap"]'];

describe('the big screen at the end of the night, on projectors and phones', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDeclaredNights();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(size: { width: number; height: number }, panel: string): Promise<Page> {
    const page = await browser.newPage({ viewport: size });
    await page.goto(`${server.url}/big-screen?election=${GE}`);
    await page.locator(`[data-testid="big-screen"][data-panel="${panel}"]`).waitFor({ timeout: 10_000 });
    return page;
  }

  /** Nothing of these under the ticker or cut, no sideways scroll, nothing under 24px: a screenshot kept. */
  async function expectFits(page: Page, name: string, selectors: readonly string[]) {
    await page.screenshot({ path: screenshotPath(`big-screen-fit-${name}`) });
    expect(await underTheTicker(page, selectors), name).toEqual([]);
    expect(await sidewaysScroll(page), name).toBeLessThanOrEqual(0);
    expect(await smallText(page), name).toEqual([]);
  }

  /** The parts of the map's side shown in its column (the rest wraps out of sight, never under the ticker). */
  const shownBeside = (page: Page) =>
    page.locator('.map-side').evaluate((side) => {
      const right = side.getBoundingClientRect().right;
      return [...side.children]
        .filter((c) => c.getBoundingClientRect().left < right)
        .map((c) => c.getAttribute('data-testid') ?? c.className);
    });

  test('the map and its whole legend stand above the ticker at 1280x720, 1366x768 and 1920x1080, nothing under 24px', async () => {
    await put(server, `/api/elections/${GE}/screen`, held('map'));
    const shown: Record<string, string[]> = {};
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const page = await open(size, 'map');
      await page.locator('[data-testid="hex-map"] path[data-seat]').first().waitFor();
      const name = `${size.width}x${size.height}`;
      // The 11 parties with a seat at the end of 2019, "Not declared" and "Gain".
      expect(await page.locator('[data-testid="map-legend"] li').count()).toBe(13);
      await expectFits(page, `map-${name}`, MAP);
      shown[name] = (await shownBeside(page)).map((c) => c.replace(/\s*svelte-\w+/g, ''));
      await page.close();
    }
    // What the side has room for under the legend: the swing from 1366x768, the latest gains at 1920x1080.
    expect(shown).toEqual({
      '1280x720': ['map-legend'],
      '1366x768': ['map-legend', 'swing'],
      '1920x1080': ['map-legend', 'swing', 'latest-gains'],
    });
  }, 60_000);

  test("the London race's tiles, all 14 areas, stand above the ticker on the general election's screen at 1366x768 and 1920x1080", async () => {
    await put(server, `/api/elections/${GE}/screen`, held('race', LONDON));
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const page = await open(size, 'race');
      await page.locator(`[data-testid="other-election-panel"][data-election="${LONDON}"]`).waitFor();
      expect(await page.locator('[data-testid="area-tiles"] .tile[data-status="declared"]').count()).toBe(14);
      await expectFits(page, `race-${size.width}x${size.height}`, RACE);
      await page.close();
    }
  }, 60_000);

  test('while London is still counting, the totals and the gap stand above the ticker on its own screen at 1366x768 and 1920x1080', async () => {
    // London's declaration and the last seven areas withdrawn, as an editor would: 7 of 14 areas in.
    const areas = londonDeclarations(readLondonMayor(), '2024');
    for (const area of [areas.at(-1)!, ...areas.slice(7, 14)]) {
      expect((await api(server, 'POST', `/api/elections/${LONDON}/seats/${area.code}/withdrawal`, { reason: 'layout check' })).status).toBe(
        200,
      );
    }
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const page = await browser.newPage({ viewport: size });
      await page.goto(`${server.url}/big-screen?election=${LONDON}`);
      await page.getByTestId('mayoral-gap').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('mayoral-line').innerText()).toMatch(/with 7 of 14 areas declared$/);
      await expectFits(page, `counting-${size.width}x${size.height}`, COUNTING);
      await page.close();
    }
  }, 60_000);

  test('on a phone, 360 and 390 px wide, the map and the race stack and scroll down, never sideways', async () => {
    for (const [panel, election] of [['map'], ['race', LONDON]] as const) {
      await put(server, `/api/elections/${GE}/screen`, held(panel, election));
      for (const width of [360, 390]) {
        const page = await open({ width, height: 844 }, panel);
        await page.screenshot({ path: screenshotPath(`big-screen-fit-${panel}-${width}`), fullPage: true });
        expect(await sidewaysScroll(page), `${panel} at ${width}px`).toBeLessThanOrEqual(0);
        // Taller than the phone: the rest is a scroll down away, not cut off.
        expect(await page.evaluate(() => (window.scrollTo(0, document.documentElement.scrollHeight), window.scrollY))).toBeGreaterThan(0);
        await page.close();
      }
    }
  }, 60_000);
});
