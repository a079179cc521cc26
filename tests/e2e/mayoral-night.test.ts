import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { replayNight } from '../../server/cli/replay-night.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { londonDeclarations, londonNight, readLondonMayor, type CountYear } from '../../server/import/london-mayor.ts';
import { importBaseline } from '../../server/services/import-service.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { startServer, tempDir, TEST_TOKEN, type RunningServer } from '../support/server.ts';
import { addUser, PASSWORD } from '../support/session.ts';

const file = readLondonMayor();

async function londonServer(years: CountYear[]): Promise<RunningServer> {
  const dbPath = path.join(tempDir(), 'london.sqlite');
  const db = openDatabase(dbPath);
  for (const year of years) {
    const { election, seats } = londonNight(file, year);
    importBaseline(db, election, seats);
  }
  db.close();
  return startServer({ dbPath, clientDist: CLIENT_DIST });
}

const replay = (server: RunningServer, year: CountYear, from: number, to?: number) =>
  replayNight({
    url: server.url,
    token: TEST_TOKEN,
    election: `london-${year}`,
    results: londonDeclarations(file, year).slice(from, to),
    speed: Infinity,
    order: 'file',
    seed: 1,
  });

const text = (page: Page, id: string) => page.getByTestId(id).innerText();

/** The desk page of an election, signed in, with an area chosen from the keyboard. */
async function deskAt(browser: Browser, server: RunningServer, user: string, election: string, area: string): Promise<Page> {
  const entry = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
  await entry.goto(`${server.url}/entry?election=${election}`);
  await entry.getByTestId('login-username').fill(user);
  await entry.getByTestId('login-password').fill(PASSWORD);
  await entry.getByTestId('login-password').press('Enter');
  await entry.getByTestId('seat-search').fill(area);
  await entry.getByTestId('seat-matches').waitFor();
  await entry.getByTestId('seat-search').press('Enter');
  return entry;
}

describe('the mayoral night on the screens: the 2024 count, area by area', () => {
  let server: RunningServer;
  let browser: Browser;
  let dashboard: Page;
  let bigScreen: Page;

  beforeAll(async () => {
    server = await londonServer(['2024']);
    await addUser(server, 'editor');
    browser = await launchBrowser();
    dashboard = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await dashboard.goto(`${server.url}/?election=london-2024`);
    await dashboard.locator('[data-seq="0"]').waitFor();
    bigScreen = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await bigScreen.goto(`${server.url}/big-screen?election=london-2024`);
    await bigScreen.locator('[data-testid="big-screen"][data-seq="0"]').waitFor();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an editor enters an area from the keyboard on the desk, and the dashboard colours its tile', async () => {
    const entry = await deskAt(browser, server, 'editor', 'london-2024', 'Barnet and Camden');
    const barnet = file.counts['2024'].areas.E32000001.candidates;
    for (const [i, c] of barnet.entries()) {
      if ((await entry.getByTestId(`candidate-name-${i}`).count()) === 0) await entry.getByTestId('add-candidate').click();
      await entry.getByTestId(`candidate-name-${i}`).fill(c.name);
      await entry.getByTestId(`candidate-party-${i}`).fill(c.party);
      await entry.getByTestId(`candidate-votes-${i}`).fill(String(c.votes));
    }
    await expect.poll(() => entry.getByTestId('preview-label').innerText()).toBe('Lab HOLD');
    await entry.getByTestId('publish').click();
    await expect.poll(() => entry.getByTestId('result-message').textContent()).toContain('Lab HOLD');
    await entry.close();

    await dashboard.locator('[data-seq="1"]').waitFor({ timeout: 5000 });
    expect(await dashboard.locator('[data-area="E32000001"]').getAttribute('data-status')).toBe('declared');
    expect(await text(dashboard, 'mayoral-line')).toBe('Khan leads by 13,519 with 1 of 14 areas declared');
  });

  test('runs the totals, the gap and whether it can be closed as areas declare', async () => {
    // Six more areas (the published order is not known: the file's), the editor's Barnet and Camden kept.
    expect(await replay(server, '2024', 0, 7)).toMatchObject({ declared: 6, alreadyDeclared: 1, refused: [] });
    await dashboard.locator('[data-seq="7"]').waitFor({ timeout: 5000 });
    expect(await text(dashboard, 'mayoral-line')).toBe('Khan leads by 34,087 with 7 of 14 areas declared');
    // No 2024 electorate per area was found; the ballots cast across London bound what is still to come.
    expect(await text(dashboard, 'mayoral-gap')).toContain('can still be closed');
    await bigScreen.locator('[data-testid="big-screen"][data-seq="7"]').waitFor({ timeout: 5000 });
    expect(await text(bigScreen, 'mayoral-line')).toBe('Khan leads by 34,087 with 7 of 14 areas declared');
    await dashboard.screenshot({ path: screenshotPath('mayoral-2024-dashboard-7-areas'), fullPage: true });
    await bigScreen.screenshot({ path: screenshotPath('mayoral-2024-big-screen-7-areas') });
  });

  test('ends on the official figures: all 14 areas, then London declared, Lab HOLD', async () => {
    expect(await replay(server, '2024', 7, 14)).toMatchObject({ declared: 7, refused: [] });
    await dashboard.locator('[data-seq="14"]').waitFor({ timeout: 5000 });
    expect(await text(dashboard, 'mayoral-line')).toBe('Khan leads by 275,828 with all 14 areas declared');
    expect(await replay(server, '2024', 14)).toMatchObject({ declared: 1, refused: [] });
    await dashboard.locator('[data-seq="15"]').waitFor({ timeout: 5000 });
    expect(await text(dashboard, 'mayoral-line')).toBe('Sadiq Khan (Lab) is elected mayor: Lab HOLD; Khan 1,088,225, Hall 812,397');
    expect(await text(dashboard, 'mayoral-rounds')).toContain('1,088,225');
    expect(await dashboard.locator('[data-area][data-status="declared"]').count()).toBe(14);
    await dashboard.screenshot({ path: screenshotPath('mayoral-2024-dashboard-declared'), fullPage: true });
    await bigScreen.locator('[data-testid="big-screen"][data-seq="15"]').waitFor({ timeout: 5000 });
    await bigScreen.screenshot({ path: screenshotPath('mayoral-2024-big-screen-declared') });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.url}/?election=london-2024`);
    await phone.locator('[data-seq="15"]').waitFor();
    // Nothing pushes a 390 px page sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: screenshotPath('mayoral-2024-dashboard-390'), fullPage: true });
    await phone.close();
  });
});

describe('the mayoral night on the screens: the 2021 count (supplementary vote)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await londonServer(['2021']);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('shows the two rounds side by side once London is declared', async () => {
    expect(await replay(server, '2021', 0)).toMatchObject({ declared: 5, refused: [] });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/?election=london-2021`);
    await page.locator('[data-seq="5"]').waitFor();
    const rounds = await text(page, 'mayoral-rounds');
    expect(rounds).toContain('First choices');
    expect(rounds).toContain('1,013,721');
    expect(rounds).toContain('After second choices');
    expect(rounds).toContain('+192,313');
    expect(rounds).toContain('1,206,034');
    expect(rounds).toContain('977,601');
    await page.screenshot({ path: screenshotPath('mayoral-2021-dashboard-declared'), fullPage: true });
    const big = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await big.goto(`${server.url}/big-screen?election=london-2021`);
    await big.locator('[data-testid="big-screen"][data-seq="5"]').waitFor();
    await big.screenshot({ path: screenshotPath('mayoral-2021-big-screen-declared') });
  });

  test("the desk takes an area's second round under SV, beside each candidate's first choices", async () => {
    await addUser(server, 'sv-editor');
    const entry = await deskAt(browser, server, 'sv-editor', 'london-2021', 'Croydon and Sutton');
    // Test figures (no published 2021 figures for this area), typed into each row.
    const typed = [
      ['Sadiq Khan', 'Lab', '1000', '300'],
      ['Shaun Bailey', 'Con', '900', '100'],
      ['Sian Berry', 'Green', '500', ''],
    ];
    for (const [i, [name, party, votes, second]] of typed.entries()) {
      if ((await entry.getByTestId(`candidate-name-${i}`).count()) === 0) await entry.getByTestId('add-candidate').click();
      await entry.getByTestId(`candidate-name-${i}`).fill(name);
      await entry.getByTestId(`candidate-party-${i}`).fill(party);
      await entry.getByTestId(`candidate-votes-${i}`).fill(votes);
      await entry.getByTestId(`candidate-second-${i}`).fill(second);
    }
    await entry.screenshot({ path: screenshotPath('mayoral-2021-desk-second-round'), fullPage: true });
    await entry.getByTestId('publish').click();
    await expect.poll(() => entry.getByTestId('result-message').textContent()).toContain('Lab GAIN from Con');
    const state = await (await fetch(`${server.url}/api/elections/london-2021/state`)).json();
    const croydon = state.seatStates.find((s: { code: string }) => s.code === 'E32000005');
    expect(croydon.declaration.secondRound).toEqual([
      { name: 'Sadiq Khan', votes: 300 },
      { name: 'Shaun Bailey', votes: 100 },
    ]);
  });
});
