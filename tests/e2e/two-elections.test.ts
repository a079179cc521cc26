/**
 * Two elections on one night (ADR 0025): a general election (the 2019 preset) and the London mayoralty
 * (the 2024 count) on one server, declared at the same time, watched by real socket.io clients and by
 * two big screens in Chromium whose rotations run panels of both. Neither's figures reach the other's
 * counts: party table, totals, lines or feeds.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { replayNight } from '../../server/cli/replay-night.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { readHexJson } from '../../server/import/hexjson.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { londonDeclarations, londonNight, readLondonMayor } from '../../server/import/london-mayor.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { importBaseline, importHexMap } from '../../server/services/import-service.ts';
import { mayoralRace } from '../../shared/domain/mayoral-race.ts';
import { NO_CONTINUITY } from '../../shared/domain/party.ts';
import type { ElectionState, Feed, ScreenSettings } from '../../shared/protocol/schemas.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath, smallText } from '../support/browser.ts';
import { put } from '../support/screens.ts';
import { api, startServer, tempDir, TEST_TOKEN, watch, type RunningServer, type Viewer } from '../support/server.ts';
import { addUser, PASSWORD } from '../support/session.ts';

const GE = 'ge2019';
const LONDON = 'london-2024';
const GE_SEATS = 40;
const london = readLondonMayor();
const BIG_SCREEN = { width: 1920, height: 1080 };

/** A panel held for ten minutes: the test decides what is on stage, not the clock. */
const rotation = (...panels: ScreenSettings['panels']): ScreenSettings => ({ panels, gainSpotlightSeconds: 0 });
const held = (panel: ScreenSettings['panels'][number]['panel'], election?: string) => ({
  panel,
  seconds: 600,
  ...(election && { election }),
});

const stateOf = async (server: RunningServer, election: string): Promise<ElectionState> =>
  (await api(server, 'GET', `/api/elections/${election}/state`)).body;

/** The party table's seats and votes as drawn on a page. */
async function tableOnScreen(page: Page) {
  const numbers = (selector: string) =>
    page
      .locator(`[data-testid="party-table"] tbody ${selector}`)
      .evaluateAll((cells) => cells.map((c) => Number(c.textContent!.replace(/[^0-9]/g, ''))));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { seats: sum(await numbers('td.seats')), votes: sum(await numbers('td.votes')) };
}

describe('two elections on one night, on the same screens', () => {
  let server: RunningServer;
  let browser: Browser;
  let geViewer: Viewer;
  let londonViewer: Viewer;
  let geScreen: Page;
  let londonScreen: Page;
  const geResults = readHocCandidates(dataFile(PRESETS.ge2019.results)).slice(0, GE_SEATS);

  beforeAll(async () => {
    const dbPath = path.join(tempDir(), 'two-elections.sqlite');
    const db = openDatabase(dbPath);
    const preset = PRESETS.ge2019;
    importBaseline(db, preset.election, readBaselineSeats(dataFile(preset.baseline)));
    importHexMap(db, GE, readHexJson(dataFile(preset.hexmap)), preset.hexmap);
    const { election, seats } = londonNight(london, '2024');
    importBaseline(db, election, seats);
    db.close();
    server = await startServer({ dbPath, clientDist: CLIENT_DIST });
    await addUser(server, 'screens-editor');
    browser = await launchBrowser();
    geViewer = await watch(server, GE);
    londonViewer = await watch(server, LONDON);
  }, 60_000);

  afterAll(async () => {
    geViewer?.close();
    londonViewer?.close();
    await browser?.close();
    await server?.close();
  });

  test("an editor adds the mayoral race to the general election's rotation on the screens page", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}/screens?election=${GE}`);
    await page.getByTestId('login-username').fill('screens-editor');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('other-election').selectOption(LONDON);
    await page.getByTestId(`panel-on-${LONDON}-race`).check();
    await page.getByTestId('save-screen').click();
    await expect.poll(() => page.getByTestId('message').innerText()).toContain('Saved');
    const screen: ScreenSettings = (await api(server, 'GET', `/api/elections/${GE}/screen`)).body;
    expect(screen.panels.at(-1)).toEqual({ panel: 'race', seconds: 15, election: LONDON });
    await page.screenshot({ path: screenshotPath('two-elections-screens-page'), fullPage: true });
    await page.close();
  }, 60_000);

  test('a rotation naming an election the server does not have, or a third election, is refused naming the field', async () => {
    const refused = await fetch(`${server.url}/api/elections/${GE}/screen`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
      body: JSON.stringify(rotation(held('map'), held('race', 'london-2028'))),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('panels[1].election');
  });

  test('both elections declared at once: each screen, socket and feed has its own figures and no other', async () => {
    // The general election's screen opens on the race, the mayoral screen on the general election's party table.
    await put(server, `/api/elections/${GE}/screen`, rotation(held('race', LONDON), held('party-table')));
    await put(server, `/api/elections/${LONDON}/screen`, rotation(held('party-table', GE), held('race')));
    geScreen = await browser.newPage({ viewport: BIG_SCREEN });
    await geScreen.goto(`${server.url}/big-screen?election=${GE}`);
    londonScreen = await browser.newPage({ viewport: BIG_SCREEN });
    await londonScreen.goto(`${server.url}/big-screen?election=${LONDON}`);

    const [ge, mayoral] = await Promise.all([
      replayNight({ url: server.url, token: TEST_TOKEN, election: GE, results: geResults, speed: Infinity, order: 'file', seed: 1 }),
      replayNight({
        url: server.url,
        token: TEST_TOKEN,
        election: LONDON,
        results: londonDeclarations(london, '2024'),
        speed: Infinity,
        order: 'file',
        seed: 1,
      }),
    ]);
    expect(ge).toMatchObject({ declared: GE_SEATS, refused: [] });
    expect(mayoral).toMatchObject({ declared: 15, refused: [] });

    // The sockets: each viewer heard only its own election's seats.
    const geState = await stateOf(server, GE);
    const londonState = await stateOf(server, LONDON);
    await expect.poll(() => geViewer.updates.length).toBe(GE_SEATS);
    await expect.poll(() => londonViewer.updates.length).toBe(15);
    const geCodes = new Set(geState.seats.map((s) => s.code));
    const londonCodes = new Set(londonState.seats.map((s) => s.code));
    expect(geViewer.updates.every((u) => geCodes.has(u.seat.code) && !londonCodes.has(u.seat.code))).toBe(true);
    expect(londonViewer.updates.every((u) => londonCodes.has(u.seat.code))).toBe(true);

    // The general election's party table counts its 40 seats and their votes, nothing of London's.
    expect(geState.house.declared).toBe(GE_SEATS);
    expect(geState.house.partyTable.reduce((t, r) => t + r.seats, 0)).toBe(GE_SEATS);
    const geVotes = geResults.reduce((t, r) => t + r.candidates.reduce((s, c) => s + c.votes, 0), 0);
    expect(geState.house.partyTable.reduce((t, r) => t + r.votes, 0)).toBe(geVotes);
    // The race counts London's 14 areas alone, ending on the official figures.
    const race = mayoralRace({ count: londonState.election.count!, seatStates: londonState.seatStates, continuity: NO_CONTINUITY });
    expect(race.areasDeclared).toBe(14);
    expect(race.line).toBe('Sadiq Khan (Lab) is elected mayor: Lab HOLD; Khan 1,088,225, Hall 812,397');
    expect(race.mismatches).toEqual([]);

    // The feeds: each election's lines, and its own headline.
    const geFeed: Feed = (await api(server, 'GET', `/api/elections/${GE}/feed.json`)).body;
    const londonFeed: Feed = (await api(server, 'GET', `/api/elections/${LONDON}/feed.json`)).body;
    expect(geFeed.entries).toHaveLength(GE_SEATS);
    expect(geFeed.entries.every((e) => geCodes.has(e.seat))).toBe(true);
    expect(geFeed.headline).not.toMatch(/Khan|mayor/);
    expect(londonFeed.entries).toHaveLength(15);
    expect(londonFeed.entries.every((e) => londonCodes.has(e.seat))).toBe(true);
    expect(londonFeed.headline).toBe(race.line);

    // The general election's big screen: the race on stage, labelled London's, with London's figures only.
    await geScreen
      .locator(`[data-testid="other-election-panel"][data-election="${LONDON}"][data-seq="${londonState.seq}"]`)
      .waitFor({ timeout: 10_000 });
    await geScreen.locator(`[data-testid="big-screen"][data-seq="${geState.seq}"]`).waitFor({ timeout: 10_000 });
    expect(await geScreen.getByTestId('big-screen').getAttribute('data-panel-election')).toBe(LONDON);
    expect(await geScreen.getByTestId('mayoral-line').innerText()).toBe(race.line);
    expect(await geScreen.getByTestId('panel-label').innerText()).toContain(londonState.election.name);
    // While the other election holds the stage, the host's House strip stands down: one election's figures at a time.
    expect(await geScreen.getByTestId('house-strip').count()).toBe(0);
    await geScreen.screenshot({ path: screenshotPath('two-elections-ge-screen-race') });
    expect(await smallText(geScreen)).toEqual([]);

    // The mayoral big screen: the general election's party table on stage, its 40 seats and their votes alone.
    await londonScreen
      .locator(`[data-testid="other-election-panel"][data-election="${GE}"][data-seq="${geState.seq}"]`)
      .waitFor({ timeout: 10_000 });
    expect(await tableOnScreen(londonScreen)).toEqual({ seats: GE_SEATS, votes: geVotes });
    expect(await londonScreen.getByTestId('panel-label').innerText()).toContain(geState.election.name);
    await londonScreen.screenshot({ path: screenshotPath('two-elections-mayoral-screen-party-table') });

    // Turn the general election's screen to its own party table: its own figures, labelled its own.
    await put(server, `/api/elections/${GE}/screen`, rotation(held('party-table'), held('race', LONDON)));
    await expect.poll(() => geScreen.getByTestId('big-screen').getAttribute('data-panel-election')).toBe(GE);
    await geScreen.locator('[data-testid="party-table"]').waitFor();
    expect(await tableOnScreen(geScreen)).toEqual({ seats: GE_SEATS, votes: geVotes });
    expect(await geScreen.getByTestId('declared-count').innerText()).toContain(`${GE_SEATS} of 650`);
    expect(await geScreen.getByTestId('panel-label').innerText()).toContain(geState.election.name);
    await geScreen.screenshot({ path: screenshotPath('two-elections-ge-screen-party-table') });
  }, 90_000);

  test('at 390 px the other election\u2019s panel fits and says whose it is', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await put(server, `/api/elections/${GE}/screen`, rotation(held('race', LONDON), held('party-table')));
    await phone.goto(`${server.url}/big-screen?election=${GE}`);
    await phone.locator(`[data-testid="other-election-panel"][data-election="${LONDON}"]`).waitFor({ timeout: 10_000 });
    expect(await phone.getByTestId('panel-label').innerText()).toContain('London');
    await phone.screenshot({ path: screenshotPath('two-elections-ge-screen-race-390') });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();
  });
});
