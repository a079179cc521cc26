import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL } from '../fixtures/declarations.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { api, startServer, TEST_TOKEN, type RunningServer } from '../support/server.ts';
import { request } from '../support/session.ts';

/** The API paths a page asked for, in order. */
function asked(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/api/')) paths.push(pathname);
  });
  return paths;
}

const croydon = (sarahJones: number) => ({
  candidates: [
    { name: 'Sarah Jones', party: 'Lab', votes: sarahJones },
    { name: 'Gavin Barwell', party: 'Con', votes: 24_221 },
    { name: 'Gill Hickson', party: 'LD', votes: 1_083 },
  ],
});

describe('the dashboard and the big screen on the lean reference and snapshot (ADR 0030)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ clientDist: CLIENT_DIST });
    browser = await launchBrowser();
    const declared = await api(server, 'POST', '/api/elections/ge2017/declarations', { seat: CROYDON_CENTRAL, ...croydon(29_873) });
    expect(declared.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('names the winner, MP and notes cold, follows a correction that changes the winner, and keeps it on a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
    const paths = asked(page);
    await page.goto(`${server.url}/?election=ge2017`);
    await page.locator('[data-seq="1"]').waitFor();
    const latest = page.getByTestId('latest-declarations');
    await expect.poll(() => latest.textContent()).toContain('Sarah Jones');
    expect(paths).toEqual(expect.arrayContaining(['/api/elections/ge2017/lean-snapshot', '/api/elections/ge2017/lean-reference']));
    // Nor the hex map: the projection's regions come with the reference.
    expect(paths.filter((p) => /\/(reference|snapshot|state|hexmap)$/.test(p))).toEqual([]);
    // Seats to watch: the baseline's MP and the article's notes come with the lean reference.
    const watch = page.getByTestId('seats-to-watch');
    expect(await watch.textContent()).toContain('Gavin Barwell');
    expect(await watch.locator('blockquote').count()).toBeGreaterThan(0);

    // A correction that gives the seat to the runner-up: the update names every candidate.
    const corrected = await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/correction`, {
      ...croydon(20_000),
      reason: 'Lab votes mistyped',
    });
    expect(corrected.status).toBe(200);
    await page.locator('[data-seq="2"]').waitFor();
    const row = latest.locator(`[data-seat="${CROYDON_CENTRAL}"]`);
    await expect.poll(() => row.textContent()).toContain('Gavin Barwell');
    expect(await row.textContent()).toContain('Con HOLD');
    expect(await row.textContent()).not.toContain('Sarah Jones');
    await page.screenshot({ path: screenshotPath('lean-dashboard-corrected'), fullPage: true });

    // Cold again: the lean snapshot names the corrected winner.
    await page.reload();
    await page.locator('[data-seq="2"]').waitFor();
    await expect.poll(() => latest.locator(`[data-seat="${CROYDON_CENTRAL}"]`).textContent()).toContain('Gavin Barwell');

    // Seats flagged to watch change the reference: the socket's whole snapshot comes, and is read from the lean one.
    const flagged = await request(
      server,
      'PUT',
      '/api/elections/ge2017/seats-to-watch',
      { seats: [CROYDON_CENTRAL] },
      { bearer: TEST_TOKEN, origin: null },
    );
    expect(flagged.status).toBe(200);
    await page.locator('[data-testid="seats-to-watch"][data-kind="chosen"]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('seats-to-watch').textContent()).toContain('Gavin Barwell, majority 4,221');
    expect(paths.filter((p) => p.endsWith('/lean-snapshot')).length).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  test('the big screen reads the same lean forms and names the winner', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const paths = asked(page);
    await page.goto(`${server.url}/big-screen?election=ge2017`);
    await page.locator('[data-seq="2"]').first().waitFor();
    expect(paths).toEqual(expect.arrayContaining(['/api/elections/ge2017/lean-snapshot', '/api/elections/ge2017/lean-reference']));
    expect(paths.filter((p) => p.endsWith('/reference') || p.endsWith('/snapshot'))).toEqual([]);
    await expect.poll(() => page.locator('body').textContent()).toContain('Croydon Central');
    await page.close();
  });
});
