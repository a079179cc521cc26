import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataFile } from '../../server/config/data-dir.ts';
import { readHocCandidates, type SeatResult } from '../../server/import/hoc-candidates.ts';
import { importCandidates } from '../../server/services/import-service.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { startServer, TEST_TOKEN, type RunningServer } from '../support/server.ts';
import { addUser, PASSWORD, request } from '../support/session.ts';

const XSS = '<img src=x onerror=alert(1)>';
/** Invented: the candidates' file has no electorate. */
const ELECTORATE = 86_000;

/** Counts every key sent, so the report can say what entering a result costs. */
class Keys {
  count = 0;
  constructor(private page: Page) {}
  async type(text: string) {
    this.count += text.length;
    await this.page.keyboard.type(text);
  }
  async press(key: string) {
    this.count += 1;
    await this.page.keyboard.press(key);
  }
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('two editors enter, confirm and correct a result; the dashboard follows', () => {
  let server: RunningServer;
  let browser: Browser;
  let hampstead: SeatResult;
  let tooting: SeatResult;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startServer({ clientDist: CLIENT_DIST });
    browser = await launchBrowser();
    const results = readHocCandidates(dataFile('HoC-GE2017-results-by-candidate.csv'));
    hampstead = results.find((r) => r.name === 'Hampstead and Kilburn')!;
    const realTooting = results.find((r) => r.name === 'Tooting')!;
    // Tooting's winner renamed to markup, to prove every page shows names as text.
    tooting = { ...realTooting, candidates: realTooting.candidates.map((c) => (c.party === 'Lab' ? { ...c, name: XSS } : c)) };
    importCandidates(server.db, 'ge2017', [hampstead, tooting]);
    await addUser(server, 'ada', 'admin');
    await addUser(server, 'alice');
    await addUser(server, 'bob');
    const published = await request(
      server,
      'POST',
      '/api/elections/ge2017/declarations',
      { seat: tooting.code, candidates: tooting.candidates },
      { bearer: TEST_TOKEN, origin: null },
    );
    expect(published.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, viewport = { width: 1400, height: 1100 }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(server.url + path);
    return page;
  }

  /** With the keyboard alone: the username field has the focus when the form appears. */
  async function signIn(page: Page, username: string, ready = 'seat-search') {
    await page.getByTestId('login-username').waitFor();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId(ready).waitFor();
    if (ready === 'seat-search') await expect.poll(() => focusedTestId(page)).toBe('seat-search');
  }

  test('keyboard entry, preview, confirmation by a second editor, a correction, and the dashboard at each step', async () => {
    // An admin turns on second-editor confirmation (through the API; tests/e2e/admin.test.ts covers the admin page).
    const admin = await request(server, 'POST', '/api/session', { username: 'ada', password: PASSWORD });
    const cookie = String(admin.headers['set-cookie']?.[0]).split(';')[0];
    const setting = await request(
      server,
      'PUT',
      '/api/elections/ge2017/confirmation',
      { requireConfirmation: true },
      {
        session: { username: 'ada', cookie, csrf: admin.body.csrfToken },
      },
    );
    expect(setting.status).toBe(200);

    const dashboard = await open('/?election=ge2017');
    await dashboard.locator('[data-seq="1"]').waitFor();
    const latest = dashboard.getByTestId('latest-declarations');

    // --- Alice enters Hampstead and Kilburn with the keyboard alone.
    const alice = await open('/entry?election=ge2017', { width: 1400, height: 1300 });
    await signIn(alice, 'alice');
    const keys = new Keys(alice);
    const started = performance.now();
    await keys.type('hamp');
    await alice.getByTestId('seat-matches').waitFor();
    await keys.press('Enter');
    await expect.poll(() => focusedTestId(alice)).toBe('candidate-votes-0');
    // Names and parties come from the imported candidate list: only the votes are typed, in order.
    for (const [i, candidate] of hampstead.candidates.entries()) {
      expect(await alice.getByTestId(`candidate-name-${i}`).textContent()).toBe(candidate.name);
      await keys.type(String(candidate.votes));
      await keys.press('Enter');
    }
    expect(await focusedTestId(alice)).toBe('electorate');
    await keys.type(String(ELECTORATE));
    await keys.press('Enter');
    // The preview, computed with the shared domain as the screens will show it.
    await expect.poll(() => alice.getByTestId('preview-label').textContent()).toBe('Lab HOLD');
    const winner = [...hampstead.candidates].sort((a, b) => b.votes - a.votes)[0];
    expect(await alice.getByTestId('preview-winner').textContent()).toContain(winner.name);
    expect(await alice.getByTestId('preview-turnout').textContent()).toMatch(/%/);
    await alice.screenshot({ path: screenshotPath('desk-1-alice-preview'), fullPage: true });
    expect(await focusedTestId(alice)).toBe('publish');
    await keys.press('Enter');
    await expect.poll(() => alice.getByTestId('result-message').getAttribute('data-kind')).toBe('held');
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `KEYSTROKES: a ${hampstead.candidates.length}-candidate result took ${keys.count} keys and ${seconds.toFixed(1)} s (seat search to ` +
        `publish, sent by the test at machine speed)`,
    );
    expect(keys.count).toBeLessThan(60);

    // Awaiting confirmation: nothing on the public dashboard.
    await alice.screenshot({ path: screenshotPath('desk-2-alice-held'), fullPage: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(await dashboard.locator('[data-seq="1"]').count()).toBe(1);
    expect(await latest.textContent()).not.toContain('Hampstead');

    // --- Bob re-types the figures; a typo is caught and named.
    const bob = await open('/entry?election=ge2017', { width: 1400, height: 1300 });
    await signIn(bob, 'bob');
    await bob.getByTestId(`confirm-${hampstead.code}`).click();
    await expect.poll(() => focusedTestId(bob)).toBe('candidate-votes-0');
    for (const [i, candidate] of hampstead.candidates.entries()) {
      await bob.keyboard.type(String(i === 4 ? candidate.votes + 10 : candidate.votes));
      await bob.keyboard.press('Enter');
    }
    await bob.keyboard.type(String(ELECTORATE));
    await bob.keyboard.press('Enter');
    await bob.keyboard.press('Enter');
    await expect.poll(() => bob.getByTestId('result-message').getAttribute('data-kind')).toBe('invalid');
    expect(await bob.getByTestId('problems').textContent()).toContain('candidates[4].votes');
    await bob.screenshot({ path: screenshotPath('desk-3-bob-mismatch'), fullPage: true });
    expect(await dashboard.locator('[data-seq="1"]').count()).toBe(1);

    await bob.getByTestId('candidate-votes-4').fill(String(hampstead.candidates[4].votes));
    await bob.getByTestId('publish').click();
    await expect.poll(() => bob.getByTestId('result-message').getAttribute('data-kind')).toBe('published');
    await dashboard.locator('[data-seq="2"]').waitFor({ timeout: 5000 });
    await expect.poll(() => latest.textContent()).toContain('Hampstead and Kilburn');
    await dashboard.screenshot({ path: screenshotPath('desk-4-dashboard-confirmed'), fullPage: true });

    // --- Alice corrects it from the seat; Bob sees her on the seat, then confirms the correction.
    await alice.getByTestId('seat-search').focus();
    await alice.keyboard.type('hamp');
    await alice.keyboard.press('Enter');
    await expect.poll(() => alice.getByTestId('mode-note').textContent()).toContain('correction of version 1');
    await expect.poll(() => bob.getByTestId('presence').textContent()).toContain('alice: Hampstead and Kilburn');
    const corrected = hampstead.candidates.map((c, i) => (i === 3 ? { ...c, votes: c.votes + 100 } : c));
    await alice.getByTestId('candidate-votes-3').fill(String(corrected[3].votes));
    await alice.getByTestId('reason').fill('LD votes misread from the sheet');
    await alice.getByTestId('publish').click();
    await expect.poll(() => alice.getByTestId('result-message').getAttribute('data-kind')).toBe('held');

    await bob.getByTestId(`confirm-${hampstead.code}`).click();
    for (const c of corrected) {
      await bob.keyboard.type(String(c.votes));
      await bob.keyboard.press('Enter');
    }
    await bob.keyboard.type(String(ELECTORATE));
    await bob.keyboard.press('Enter');
    await bob.keyboard.press('Enter');
    await expect.poll(() => bob.getByTestId('result-message').getAttribute('data-kind')).toBe('published');
    await dashboard.locator('[data-seq="3"]').waitFor({ timeout: 5000 });
    await expect.poll(() => latest.textContent()).toMatch(/correct/i);
    await dashboard.screenshot({ path: screenshotPath('desk-5-dashboard-corrected'), fullPage: true });

    // --- The audit page shows every version, who, why, before and after.
    const audit = await open('/audit?election=ge2017');
    await signIn(audit, 'alice', 'audit-table');
    await expect.poll(() => audit.getByTestId('audit-table').textContent()).toContain('LD votes misread from the sheet');
    const table = await audit.getByTestId('audit-table').textContent();
    expect(table).toContain('confirmed by bob');
    expect(table).toContain(XSS);
    await audit.screenshot({ path: screenshotPath('desk-6-audit'), fullPage: true });

    // --- Markup in a candidate's name is text on every page.
    await alice.getByTestId('seat-search').focus();
    await alice.keyboard.type('tooting');
    await alice.keyboard.press('Enter');
    await expect.poll(() => alice.getByTestId('seat-head').textContent()).toContain('Tooting');
    await expect.poll(() => alice.locator('body').textContent()).toContain(XSS);
    await expect.poll(() => dashboard.locator('body').textContent()).toContain(XSS);
    for (const page of [dashboard, alice, bob, audit]) {
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    }
    await alice.screenshot({ path: screenshotPath('desk-7-entry-markup-as-text'), fullPage: true });
    expect(dialogs).toEqual([]);
  }, 120_000);
});
