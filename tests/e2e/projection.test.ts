/**
 * The projection on a replayed 2019 night in a real Chromium: mid-night (260 seats in) and at the
 * end, on the big screen at 1920x1080 and the dashboard at 1366 and 390 px. What the screens show
 * must be what shared/domain/projection.ts makes of the state and hex map the server serves.
 * Screenshots go to test-results/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { replayNight, shuffled } from '../../server/cli/replay-night.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { defaultContinuity } from '../../server/import/party-continuity.ts';
import { projectElection, projectionLine } from '../../shared/domain/projection.ts';
import type { ElectionState, HexMap } from '../../shared/protocol/schemas.ts';
import { onlyPanel, put, startGe2019Server } from '../support/screens.ts';
import { launchBrowser, screenshotPath, smallText } from '../support/browser.ts';
import { api, TEST_TOKEN, type RunningServer } from '../support/server.ts';

const BIG_SCREEN = { width: 1920, height: 1080 };
const MID_NIGHT = 260;

describe('the projection on a replayed 2019 night', () => {
  const preset = PRESETS.ge2019;
  const results = shuffled(readHocCandidates(dataFile(preset.results)), 2019);
  let server: RunningServer;
  let browser: Browser;
  let bigScreen: Page;

  /** The projection line shared/domain makes of what the server serves now. */
  async function expectedLine(): Promise<string> {
    const state: ElectionState = (await api(server, 'GET', '/api/elections/ge2019/state')).body;
    const map: HexMap = (await api(server, 'GET', '/api/elections/ge2019/hexmap')).body;
    const projection = projectElection({
      ...state,
      totalSeats: state.election.totalSeats,
      continuity: defaultContinuity(),
      hexes: map.hexes,
    });
    return projectionLine(projection!);
  }

  async function replay(seats: typeof results) {
    const report = await replayNight({
      url: server.url,
      token: TEST_TOKEN,
      election: 'ge2019',
      results: seats,
      speed: Infinity,
      order: 'file',
      seed: 1,
    });
    expect(report.refused).toEqual([]);
  }

  /** The big screen's panels and the dashboard at two widths, each checked against the line expected and photographed. */
  async function look(when: string, declared: number) {
    const line = await expectedLine();
    expect(line).toMatch(new RegExp(`^Projection on ${declared} seats declared: `));

    await put(server, '/api/elections/ge2019/screen', onlyPanel('projection'));
    await expect
      .poll(() => bigScreen.getByTestId('declared-count').innerText(), { timeout: 20_000 })
      .toContain(`${declared} of 650 declared`);
    await bigScreen.locator(`[data-panel="projection"] [data-testid="projection"][data-rests-on="${declared}"]`).waitFor({ timeout: 5000 });
    expect(await bigScreen.getByTestId('projection-line').innerText()).toBe(line);
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath(`big-screen-projection-${when}`) });

    await put(server, '/api/elections/ge2019/screen', onlyPanel('exit-poll'));
    await bigScreen.locator('[data-panel="exit-poll"] [data-testid="exit-poll"][data-phase="running"]').waitFor({ timeout: 5000 });
    expect(await bigScreen.locator('[data-testid="exit-poll"] thead').innerText()).toContain(`on ${declared} seats`);
    await bigScreen.screenshot({ path: screenshotPath(`big-screen-exit-poll-projection-${when}`) });

    for (const width of [1366, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.url}/?election=ge2019`);
      await page.locator(`[data-testid="projection"][data-rests-on="${declared}"]`).waitFor({ timeout: 10_000 });
      // The dashboard projects in the hex map's regions, as the big screen does.
      await expect.poll(() => page.getByTestId('projection-line').innerText()).toBe(line);
      await page.screenshot({ path: screenshotPath(`dashboard-${width}-projection-${when}`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width}px`).toBeLessThanOrEqual(width);
      await page.close();
    }
  }

  beforeAll(async () => {
    ({ server } = await startGe2019Server('projection'));
    browser = await launchBrowser();
    bigScreen = await browser.newPage({ viewport: BIG_SCREEN });
    await bigScreen.goto(`${server.url}/big-screen?election=ge2019`);
    await bigScreen.locator('[data-seq="0"]').waitFor();
    await put(server, '/api/elections/ge2019/exit-poll', {
      seats: { Con: 368, Lab: 191, SNP: 55, LD: 13, PC: 3, Green: 1, Brexit: 0, Others: 19 },
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the hex map as served gives each seat its region, which the projection works in', async () => {
    const map: HexMap = (await api(server, 'GET', '/api/elections/ge2019/hexmap')).body;
    expect(new Set(map.hexes.map((h) => h.region))).toEqual(
      new Set(['NE', 'NW', 'YH', 'EM', 'WM', 'EA', 'LO', 'SE', 'SW', 'WA', 'SC', 'NI']),
    );
  });

  test('mid-night: the big screen and the dashboard show the projection from the seats declared, labelled with how many', async () => {
    await replay(results.slice(0, MID_NIGHT));
    await look('mid-night', MID_NIGHT);
  }, 90_000);

  test("end of the night: the projection is the House as declared, the House strip's seat totals larger than the ticker's text", async () => {
    await replay(results.slice(MID_NIGHT));
    await look('end-of-night', 650);
    await put(server, '/api/elections/ge2019/screen', onlyPanel('projection'));
    await bigScreen.locator('[data-panel="projection"]').waitFor({ timeout: 5000 });
    expect(await bigScreen.getByTestId('projection-line').innerText()).toBe('Projection on 650 seats declared: Con majority of 80');
    const sizes = await bigScreen.evaluate(() => {
      const size = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
      return {
        totals: size('[data-testid="house-strip"] [data-testid="house-label"]'),
        ticker: size('[data-testid="declaration-strip"] li'),
      };
    });
    expect(sizes.totals).toBeGreaterThanOrEqual(1.4 * sizes.ticker);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-house-strip-end-of-night') });
  }, 90_000);
});
