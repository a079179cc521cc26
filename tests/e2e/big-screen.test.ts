/**
 * The projector and the live blog in a real Chromium: a whole 650-seat night
 * replayed into a running server, the connection cut and restored, and the
 * embeds at 360 and 700 px audited with axe-core. Screenshots go to test-results/.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { replayNight } from '../../server/cli/replay-night.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import type { ElectionState, ScreenSettings } from '../../shared/protocol/schemas.ts';
import { onlyPanel, put, startGe2019Server } from '../support/screens.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath, smallText } from '../support/browser.ts';
import { api, startServer, TEST_TOKEN, type RunningServer } from '../support/server.ts';
import { addUser, PASSWORD } from '../support/session.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const BIG_SCREEN = { width: 1920, height: 1080 };

/** "#0087DC" as getComputedStyle gives it: "rgb(0, 135, 220)". */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

async function hexesOnScreen(page: Page) {
  return page
    .locator('[data-testid="hex-map"] path[data-seat]')
    .evaluateAll((paths) =>
      paths.map((p) => ({ code: p.getAttribute('data-seat'), status: p.getAttribute('data-status'), party: p.getAttribute('data-party') })),
    );
}

describe('the big screen and the embeds on a replayed 2019 night', () => {
  const preset = PRESETS.ge2019;
  let server: RunningServer;
  let browser: Browser;
  let bigScreen: Page;
  let dbPath: string;

  beforeAll(async () => {
    ({ server, dbPath } = await startGe2019Server('big-screen'));
    browser = await launchBrowser();
    await put(server, '/api/elections/ge2019/screen', onlyPanel('map'));
    bigScreen = await browser.newPage({ viewport: BIG_SCREEN });
    await bigScreen.goto(`${server.url}/big-screen?election=ge2019`);
    await bigScreen.locator('[data-seq="0"]').waitFor();
    await bigScreen.locator('[data-testid="hex-map"] path[data-seat]').first().waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('follows all 650 declarations of the night and ends with every hex as the server has it', async () => {
    expect(await bigScreen.locator('[data-testid="hex-map"] path[data-seat]').count()).toBe(650);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-before') });

    const report = await replayNight({
      url: server.url,
      token: TEST_TOKEN,
      election: 'ge2019',
      results: readHocCandidates(dataFile(preset.results)),
      speed: Infinity,
      order: 'random',
      seed: 2019,
    });
    expect(report).toMatchObject({ declared: 650, refused: [] });

    await bigScreen.locator('[data-testid="big-screen"][data-seq="650"]').waitFor({ timeout: 20_000 });
    const state: ElectionState = (await api(server, 'GET', '/api/elections/ge2019/state')).body;
    const served = new Map(state.seatStates.map((s) => [s.code, { status: s.status, party: s.outcome?.label.party ?? '' }]));
    const shown = await hexesOnScreen(bigScreen);
    expect(shown).toHaveLength(650);
    for (const hex of shown) expect({ status: hex.status, party: hex.party }, hex.code!).toEqual(served.get(hex.code!));
    const gains = state.seatStates.filter((s) => s.outcome?.label.kind === 'GAIN').length;
    expect(await bigScreen.locator('[data-testid="hex-map"] path[data-gain="true"]').count()).toBe(gains);
    expect(await bigScreen.getByTestId('declared-count').innerText()).toContain('650 of 650 declared');
    expect(await bigScreen.getByTestId('mode-banner').innerText()).toContain('REHEARSAL');
    expect(await bigScreen.getByTestId('declaration-strip').innerText()).toMatch(/(GAIN from|HOLD)/);
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-map') });
  }, 90_000);

  test('the dashboard of the whole night reads on phones from 320 px and at 1366 px: nothing cut off, no sideways scroll', async () => {
    const night: ElectionState = (await api(server, 'GET', '/api/elections/ge2019/state')).body;
    for (const width of [320, 360, 390, 1366]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.url}/?election=ge2019`);
      await page.locator('.dashboard[data-seq="650"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width}px`).toBeLessThanOrEqual(width);
      // The party table fits its panel: every column, the last (change) included, without scrolling inside it.
      const table = await page.getByTestId('party-table').evaluate((t) => {
        const box = t.parentElement!;
        const last = t.querySelector('thead th:last-child')!.getBoundingClientRect();
        return { table: t.scrollWidth, box: box.clientWidth, lastRight: last.right, boxRight: box.getBoundingClientRect().right };
      });
      expect(table.table, `party table at ${width}px`).toBeLessThanOrEqual(table.box);
      expect(table.lastRight).toBeLessThanOrEqual(table.boxRight + 0.5);
      // House bar labels: whole, and clear of the majority line.
      const labels = await page.locator('[data-testid="house-bar"]').evaluate((bar) => {
        const line = bar.querySelector('.majority')!.getBoundingClientRect();
        const lineX = line.left + line.width / 2;
        return [...bar.querySelectorAll('[data-testid="house-label"]')].map((label) => {
          const box = label.getBoundingClientRect();
          const segment = label.parentElement!.getBoundingClientRect();
          return {
            text: label.textContent,
            clipped: box.left < segment.left - 0.5 || box.right > segment.right + 0.5,
            crossed: box.left <= lineX && box.right >= lineX,
          };
        });
      });
      expect(labels.length, `labels at ${width}px`).toBeGreaterThan(0);
      for (const label of labels) expect(label, `${label.text} at ${width}px`).toMatchObject({ clipped: false, crossed: false });
      // A gain is drawn in its winner's colour, not red whatever the party.
      const gainItems = await page
        .locator('[data-testid="latest-declarations"] li.gain')
        .evaluateAll((items) => items.map((li) => ({ seat: li.getAttribute('data-seat')!, colour: getComputedStyle(li).borderLeftColor })));
      expect(gainItems.length).toBeGreaterThan(0);
      for (const item of gainItems) {
        const party = night.seatStates.find((s) => s.code === item.seat)!.outcome!.label.party;
        expect(item.colour, item.seat).toBe(rgb(night.parties.find((p) => p.code === party)!.colour));
      }
      // 2019's own name for the party counted as RUK.
      if (width === 1366)
        expect(await page.locator('[data-testid="party-table"] tr[data-party="RUK"]').innerText()).toContain(
          'Brexit Party (now Reform UK)',
        );
      await page.screenshot({ path: screenshotPath(`dashboard-night-${width}`) });
      await page.close();
    }
  });

  test('the audit page of the whole night comes in pages of 50, keeps its filters and gives every row in its CSV', async () => {
    await addUser(server, 'auditor');
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}/audit?election=ge2019`);
    await page.getByTestId('login-username').fill('auditor');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('page-range-top').innerText()).toBe('1-50 of 650');
    expect(await page.locator('[data-testid="audit-table"] tbody tr').count()).toBe(50);
    // One page of 50, not 650 rows: it was 43,000 px tall.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(6000);
    await page.getByTestId('page-next-top').click();
    expect(await page.getByTestId('page-range-top').innerText()).toBe('51-100 of 650');
    await page.getByTestId('page-last-bottom').click();
    expect(await page.getByTestId('page-range-top').innerText()).toBe('601-650 of 650');
    await page.screenshot({ path: screenshotPath('audit-night-last-page') });
    const csvAll = await page.evaluate(async (href) => (await fetch(href)).text(), (await page.getByTestId('csv').getAttribute('href'))!);
    expect(csvAll.trim().split('\r\n')).toHaveLength(651);

    await page.getByTestId('filter-seat').fill('Croydon Central');
    await page.getByTestId('filter-seat').press('Enter');
    await expect.poll(() => page.getByTestId('page-range-top').innerText()).toBe('1-1 of 1');
    expect(await page.locator('[data-testid="audit-table"] tbody').innerText()).toContain('Croydon Central');
    const href = (await page.getByTestId('csv').getAttribute('href'))!;
    expect(href).toContain('seat=Croydon+Central');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    await page.close();
  });
  test('tells the story of the night: the headline in the largest type, net change in the legend, small parties folded, the closest results to watch', async () => {
    // The panels are put back as they were at the end: the tests after this one start from them.
    const screenBefore: ScreenSettings = (await api(server, 'GET', '/api/elections/ge2019/screen')).body;
    const headline = bigScreen.getByTestId('headline');
    expect(await headline.innerText()).toBe('Con win a majority of 80');
    const sizes = await bigScreen.evaluate(() => {
      const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      const story = document.querySelector('[data-testid="headline"]')!;
      const others = [...document.querySelectorAll('body *')].filter((el) => el !== story && !story.contains(el) && el.textContent?.trim());
      return { headline: size(story), largestElse: Math.max(...others.map(size)) };
    });
    expect(sizes.headline).toBeGreaterThan(sizes.largestElse);
    // Labour had one gain in 2019 and lost 61 seats: the legend says so, not "+1 gain".
    expect(await bigScreen.getByTestId('map-legend').innerText()).toMatch(/Lab\s+202\s+-60 net/);

    await put(server, '/api/elections/ge2019/screen', onlyPanel('party-table'));
    await bigScreen.locator('[data-panel="party-table"]').waitFor({ timeout: 5000 });
    const rows = bigScreen.locator('[data-testid="party-table"] tbody tr');
    const parties = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-party')));
    expect(parties).toContain('Others');
    expect(parties.length).toBeLessThan(20);
    const lastRow = await rows.last().boundingBox();
    expect(lastRow!.y + lastRow!.height).toBeLessThan(BIG_SCREEN.height);
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-party-table-folded') });

    await put(server, '/api/elections/ge2019/screen', onlyPanel('seats-to-watch'));
    await bigScreen.locator('[data-panel="seats-to-watch"]').waitFor({ timeout: 5000 });
    expect(await bigScreen.getByTestId('seats-to-watch').getAttribute('data-kind')).toBe('closest-declared');
    expect(await bigScreen.locator('[data-testid="seats-to-watch"] [data-seat]').count()).toBe(3);
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-closest-results') });

    // The real 2019 exit poll, entered late: by the end the poll implied its own figures for every seat.
    const poll = await fetch(`${server.url}/api/elections/ge2019/exit-poll`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
      body: JSON.stringify({ seats: { Con: 368, Lab: 191, SNP: 55, LD: 13, PC: 3, Green: 1, Brexit: 0, Others: 19 } }),
    });
    expect(poll.status).toBe(200);
    await put(server, '/api/elections/ge2019/screen', onlyPanel('exit-poll'));
    await bigScreen.locator('[data-panel="exit-poll"] [data-testid="exit-poll"][data-phase="running"]').waitFor({ timeout: 5000 });
    expect(await bigScreen.getByTestId('exit-poll-running').innerText()).toBe(
      'Con are running 3 seats behind the exit poll on the 650 seats declared',
    );
    // With every seat in, the projection beside the poll is the result.
    expect((await bigScreen.locator('[data-testid="exit-poll"] tr[data-party="Lab"]').innerText()).split(/\s+/).slice(-5)).toEqual([
      '191',
      '191',
      '202',
      '+11',
      '202',
    ]);
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-exit-poll-running') });

    await put(server, '/api/elections/ge2019/screen', onlyPanel('targets'));
    await bigScreen.locator('[data-panel="targets"] [data-testid="targets"]').waitFor({ timeout: 5000 });
    const targetLines = await bigScreen.getByTestId('target-line').allInnerTexts();
    expect(targetLines[0]).toMatch(/^Con have taken \d+ of their top 50 targets$/);
    expect(targetLines.map((line) => line.split(' ')[0])).toEqual(['Con', 'Lab', 'SNP', 'LD']);
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-targets') });

    for (const width of [1366, 390]) {
      const dashboard = await browser.newPage({ viewport: { width, height: 900 } });
      await dashboard.goto(`${server.url}/?election=ge2019`);
      await dashboard.locator('.dashboard[data-seq]').getByTestId('headline').waitFor();
      expect(await dashboard.getByTestId('headline').innerText()).toBe('Con win a majority of 80');
      const folded = dashboard.locator('[data-testid="party-table"] tr.folded');
      expect(await folded.count()).toBe(0);
      await dashboard.getByTestId('others-toggle').click();
      expect(await folded.count()).toBeGreaterThan(20);
      await dashboard.screenshot({ path: screenshotPath(`dashboard-${width}-end-of-night`), fullPage: true });
      await dashboard.close();
    }
    await put(server, '/api/elections/ge2019/screen', screenBefore);
  }, 60_000);

  test('turns to the panels an editor sets, at once, and gives a new gain the stage', async () => {
    // A gain that came in while the spotlight was off stays off the stage when the settings change.
    const before: ElectionState = (await api(server, 'GET', '/api/elections/ge2019/state')).body;
    const earlier = before.seatStates.filter((s) => s.outcome?.label.kind === 'GAIN').at(-1)!;
    await api(server, 'POST', `/api/elections/ge2019/seats/${earlier.code}/withdrawal`, { reason: 'checking' });
    const redeclared = await api(server, 'POST', '/api/elections/ge2019/declarations', {
      seat: earlier.code,
      candidates: earlier.declaration!.candidates,
    });
    await bigScreen.locator(`[data-testid="big-screen"][data-seq="${redeclared.body.seq}"]`).waitFor({ timeout: 5000 });
    await put(server, '/api/elections/ge2019/screen', onlyPanel('party-table', 4));
    await bigScreen.locator('[data-panel="party-table"]').waitFor({ timeout: 5000 });
    expect(await bigScreen.getByTestId('spotlight').count()).toBe(0);
    const conservatives = await bigScreen.locator('[data-testid="party-table"] tr[data-party="Con"]').innerText();
    expect(conservatives.split(/\s+/).slice(-7, -3)).toEqual(['365', '58', '10', '+48']);
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-party-table') });

    // A withdrawn gain declared again is a new gain: it takes the stage.
    const state: ElectionState = (await api(server, 'GET', '/api/elections/ge2019/state')).body;
    const gain = state.seatStates.find((s) => s.outcome?.label.kind === 'GAIN' && s.outcome.label.party === 'Con')!;
    expect(
      (await api(server, 'POST', `/api/elections/ge2019/seats/${gain.code}/withdrawal`, { reason: 'wrong figures read out' })).status,
    ).toBe(200);
    const again = await api(server, 'POST', '/api/elections/ge2019/declarations', {
      seat: gain.code,
      candidates: gain.declaration!.candidates,
    });
    expect(again.status).toBe(201);
    await bigScreen.locator(`[data-testid="spotlight"][data-seat="${gain.code}"]`).waitFor({ timeout: 5000 });
    expect(await bigScreen.getByTestId('spotlight').innerText()).toContain(gain.name);
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-gain') });
    // Two more gains while it holds the stage: neither replaces it nor is skipped. The panels get
    // their turn first, then the two go up together.
    const more = state.seatStates
      .filter((s) => s.outcome?.label.kind === 'GAIN' && s.code !== gain.code && s.outcome.label.party !== 'Con')
      .slice(0, 2);
    for (const seat of more) {
      await api(server, 'POST', `/api/elections/ge2019/seats/${seat.code}/withdrawal`, { reason: 'read again' });
      expect(
        (await api(server, 'POST', '/api/elections/ge2019/declarations', { seat: seat.code, candidates: seat.declaration!.candidates }))
          .status,
      ).toBe(201);
    }
    expect(await bigScreen.locator(`[data-testid="spotlight"][data-seat="${gain.code}"]`).count()).toBe(1);
    // Then the screen goes back to its panels by itself.
    await bigScreen.locator('[data-panel="party-table"]').waitFor({ timeout: 8000 });
    const roundup = bigScreen.getByTestId('spotlight-roundup');
    await roundup.waitFor({ timeout: 15_000 });
    expect(await roundup.innerText()).toContain('2 gains in a minute');
    for (const seat of more) {
      const item = roundup.locator(`li[data-seat="${seat.code}"]`);
      expect(await item.innerText()).toContain(seat.name);
      // In the winner's colour, whatever the party.
      const colour = state.parties.find((p) => p.code === seat.outcome!.label.party)!.colour;
      expect(await item.evaluate((li) => getComputedStyle(li).borderLeftColor)).toBe(rgb(colour));
    }
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-gains-roundup') });
    await bigScreen.locator('[data-panel="party-table"]').waitFor({ timeout: 8000 });

    await put(server, '/api/elections/ge2019/screen', onlyPanel('latest'));
    await bigScreen.locator('[data-panel="latest"]').waitFor({ timeout: 5000 });
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-latest') });
    await put(server, '/api/elections/ge2019/screen', onlyPanel('house'));
    await bigScreen.locator('[data-panel="house"]').waitFor({ timeout: 5000 });
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-house') });
    await put(server, '/api/elections/ge2019/screen', onlyPanel('map'));
  });

  test('shows the stale banner within 2 seconds of the server going, and drops it once a fresh state is in', async () => {
    const seq = await bigScreen.getByTestId('big-screen').getAttribute('data-seq');
    await server.close();
    await bigScreen.getByTestId('stale-banner').waitFor({ timeout: 2000 });
    expect(await bigScreen.getByTestId('big-screen').getAttribute('data-stale')).toBe('true');
    await bigScreen.screenshot({ path: screenshotPath('big-screen-stale') });

    server = await startServer({ dbPath, port: server.port, clientDist: CLIENT_DIST });
    await bigScreen.locator('[data-testid="big-screen"][data-stale="false"]').waitFor({ timeout: 15_000 });
    expect(await bigScreen.getByTestId('stale-banner').count()).toBe(0);
    expect(await bigScreen.getByTestId('big-screen').getAttribute('data-seq')).toBe(seq);
  }, 30_000);

  test('shows an article election without a hex map as a grid of its seats, and its seats to watch with what the articles said', async () => {
    await put(server, '/api/elections/ge2017/screen', onlyPanel('seats-to-watch'));
    const page = await browser.newPage({ viewport: BIG_SCREEN });
    await page.goto(`${server.url}/big-screen?election=ge2017`);
    await page.locator('[data-panel="seats-to-watch"]').waitFor();
    const state: ElectionState = (await api(server, 'GET', '/api/elections/ge2017/state')).body;
    // The seats take turns, a few to a page: whichever are up show what their article said.
    const shownCode = await page.locator('[data-testid="seats-to-watch"] [data-seat]').first().getAttribute('data-seat');
    const shownSeat = state.seats.find((s) => s.code === shownCode)!;
    expect(await page.locator(`[data-testid="seats-to-watch"] [data-seat="${shownCode}"]`).innerText()).toContain(
      shownSeat.notes[0].text.slice(0, 30),
    );
    expect(await smallText(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('big-screen-article-seats-to-watch') });

    await put(server, '/api/elections/ge2017/screen', onlyPanel('map'));
    await page.locator('[data-testid="seat-grid"] [data-seat]').first().waitFor();
    expect(await page.locator('[data-testid="seat-grid"] [data-seat]').count()).toBe(state.seats.length);
    expect(await page.locator('[data-testid="seat-grid"]').innerText()).toContain('Croydon Central');
    expect(await smallText(page)).toEqual([]);
    // The article elections start in test mode: a newcomer's practice entry is never shown as real.
    expect(await page.getByTestId('mode-banner').innerText()).toContain('TEST');
    await page.screenshot({ path: screenshotPath('big-screen-article-grid') });
    await page.close();
  });

  for (const widget of ['party-table', 'seat', 'latest', 'map'] as const) {
    test(`the ${widget} embed fits 360, 390 and 700 px, says it is a rehearsal and passes axe-core`, async () => {
      const state: ElectionState = (await api(server, 'GET', '/api/elections/ge2019/state')).body;
      const croydon = state.seats.find((s) => s.name === 'Croydon Central')!;
      const query = widget === 'seat' ? `&seat=${croydon.code}` : '';
      for (const width of [360, 390, 700]) {
        // axe-core goes in as an inline script, which the page's Content-Security-Policy
        // refuses (security-headers.test.ts checks the page under it).
        const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
        await page.goto(`${server.url}/embed/${widget}?election=ge2019${query}`);
        await page.locator(`[data-testid="embed"][data-seq="${state.seq}"]`).waitFor();
        if (widget === 'map') await page.locator('[data-testid="hex-map"] path[data-seat]').first().waitFor();
        expect(await page.getByTestId('mode-banner').innerText()).toContain('REHEARSAL');
        expect(await page.getByTestId('freshness').innerText()).toMatch(/Last update \d\d:\d\d:\d\d UK time/);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(width);
        if (widget === 'seat') expect(await page.getByTestId('seat-result').innerText()).toContain('Sarah Jones');
        await page.screenshot({ path: screenshotPath(`embed-${widget}-${width}`), fullPage: true });

        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }> };
            }
          ).axe;
          const result = await axe.run();
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
        });
        expect(
          violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
          `${widget} at ${width}px`,
        ).toEqual([]);
        await page.close();
      }
    }, 60_000);
  }

  test('the editor page, on an admin session, sets the panels and the mode for every big screen and offers the embed snippets and lines', async () => {
    await addUser(server, 'chief', 'admin');
    const editor = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await editor.goto(`${server.url}/screens?election=ge2019`);
    await editor.getByTestId('login-username').fill('chief');
    await editor.getByTestId('login-password').fill(PASSWORD);
    await editor.getByTestId('login-submit').click();
    await editor.getByTestId('panel-list').waitFor();
    expect(await editor.getByTestId('snippet-party-table').innerText()).toContain(
      `<iframe src="${server.url}/embed/party-table?election=ge2019"`,
    );
    await editor.locator('[data-testid="lines"] li').first().waitFor();
    expect(await editor.locator('[data-testid="lines"] li').first().innerText()).toMatch(/GAIN from|HOLD/);

    await editor.getByTestId('panel-on-map').uncheck();
    await editor.getByTestId('panel-on-party-table').uncheck();
    await editor.getByTestId('panel-on-latest').check();
    await editor.getByTestId('panel-on-seats-to-watch').uncheck();
    await editor.getByTestId('save-screen').click();
    await expect.poll(() => editor.getByTestId('message').innerText()).toContain('Saved');
    await bigScreen.locator('[data-panel="latest"]').waitFor({ timeout: 5000 });
    await editor.screenshot({ path: screenshotPath('screens-editor'), fullPage: true });

    // Going live asks first and says what changes; staying keeps the banner.
    await editor.getByTestId('mode-live').click();
    const ask = editor.getByTestId('go-live-confirm');
    expect(await ask.innerText()).toContain('The 650 results already entered will show as real results');
    await editor.screenshot({ path: screenshotPath('screens-go-live-confirm'), fullPage: true });
    await editor.getByTestId('go-live-no').click();
    expect(await ask.count()).toBe(0);
    expect(await bigScreen.getByTestId('mode-banner').innerText()).toContain('REHEARSAL');
    await editor.getByTestId('mode-live').click();
    await editor.getByTestId('go-live-yes').click();
    await expect.poll(() => editor.getByTestId('message').innerText()).toContain('now in live mode');
    await bigScreen.locator('[data-testid="big-screen"]:not(:has([data-testid="mode-banner"]))').waitFor({ timeout: 5000 });
    await editor.close();
  });

  test('an editor flags seats to watch on the screens page: the big screen shows them, and the audit page lists each version with the exit poll', async () => {
    await addUser(server, 'desk');
    const editor = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await editor.goto(`${server.url}/screens?election=ge2019`);
    await editor.getByTestId('login-username').fill('desk');
    await editor.getByTestId('login-password').fill(PASSWORD);
    await editor.getByTestId('login-submit').click();
    for (const name of ['Bolsover', 'Blyth Valley']) {
      await editor.getByTestId('watch-seat').selectOption({ label: name });
      await editor.getByTestId('watch-add').click();
    }
    expect(await editor.getByTestId('watch-list').innerText()).toMatch(/Bolsover[\s\S]*Blyth Valley/);
    await editor.getByTestId('save-watch').click();
    await expect.poll(() => editor.getByTestId('message').innerText()).toContain('Seats to watch saved (version 1)');
    await editor.screenshot({ path: screenshotPath('screens-seats-to-watch'), fullPage: true });

    await put(server, '/api/elections/ge2019/screen', onlyPanel('seats-to-watch'));
    await bigScreen.locator('[data-panel="seats-to-watch"] [data-testid="seats-to-watch"][data-kind="chosen"]').waitFor({ timeout: 5000 });
    expect(await bigScreen.locator('[data-testid="seats-to-watch"] h3').allInnerTexts()).toEqual(['Bolsover', 'Blyth Valley']);
    expect(await smallText(bigScreen)).toEqual([]);
    await bigScreen.screenshot({ path: screenshotPath('big-screen-seats-chosen') });

    await editor.goto(`${server.url}/audit?election=ge2019`);
    const inputs = editor.getByTestId('night-inputs-table');
    await expect.poll(() => inputs.locator('tbody tr[data-input]').count()).toBe(2);
    expect(await inputs.locator('tr[data-input="exit-poll"]').innerText()).toContain('Con 368, Lab 191, SNP 55');
    expect(await inputs.locator('tr[data-input="seats-to-watch"]').innerText()).toContain('Bolsover, Blyth Valley');
    await editor.screenshot({ path: screenshotPath('audit-night-inputs'), fullPage: true });
    await editor.close();
  });
});
