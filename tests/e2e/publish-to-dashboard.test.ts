import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataFile } from '../../server/config/data-dir.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { addUser, PASSWORD } from '../support/session.ts';

describe('an editor publishes a result on the entry page', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ clientDist: CLIENT_DIST });
    await addUser(server, 'editor');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the real 2017 Croydon Central result appears on an open dashboard as a Labour gain', async () => {
    // The real figures, read at run time from the House of Commons Library's file.
    const croydon = readHocCandidates(dataFile('HoC-GE2017-results-by-candidate.csv')).find((r) => r.name === 'Croydon Central')!;

    const dashboard = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await dashboard.goto(`${server.url}/?election=ge2017`);
    await dashboard.locator('[data-seq="0"]').waitFor();

    const entry = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await entry.goto(`${server.url}/entry?election=ge2017`);
    await entry.getByTestId('login-username').fill('editor');
    await entry.getByTestId('login-password').fill(PASSWORD);
    await entry.getByTestId('login-submit').click();
    await entry.getByTestId('seat-search').fill('Croydon Central');
    await entry.getByTestId('seat-matches').waitFor();
    await entry.getByTestId('seat-search').press('Enter');
    // The party box offers the codes the election knows: its baseline's, the continuity table's, every party's.
    const offered = await entry
      .locator('[data-testid="party-codes"] option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(['Lab', 'Con', 'LD', 'Green', 'Alliance', 'Lab Co-op']));
    for (const [i, candidate] of croydon.candidates.entries()) {
      if ((await entry.getByTestId(`candidate-name-${i}`).count()) === 0) await entry.getByTestId('add-candidate').click();
      await entry.getByTestId(`candidate-name-${i}`).fill(candidate.name);
      // The slip of the issue: the party's name typed where its code belongs.
      await entry.getByTestId(`candidate-party-${i}`).fill(candidate.party === 'Lab' ? 'Labour' : candidate.party);
      await entry.getByTestId(`candidate-votes-${i}`).fill(String(candidate.votes));
    }
    const labourRow = croydon.candidates.findIndex((c) => c.party === 'Lab');
    const warning = entry.getByTestId(`unknown-party-${labourRow}`);
    expect(await warning.innerText()).toContain('"Labour" is not a party code this election knows');
    expect(await entry.getByTestId('publish').isDisabled()).toBe(true);
    // No preview of a "Labour GAIN" that would be a party of its own.
    expect(await entry.getByTestId('preview-label').count()).toBe(0);
    await entry.screenshot({ path: screenshotPath('entry-unknown-party'), fullPage: true });
    await entry.getByTestId(`use-party-${labourRow}`).click();
    expect(await entry.getByTestId(`candidate-party-${labourRow}`).inputValue()).toBe('Lab');
    expect(await warning.count()).toBe(0);
    await entry.getByTestId('publish').click();
    await expect.poll(() => entry.getByTestId('result-message').textContent()).toContain('Lab GAIN from Con');
    await entry.screenshot({ path: screenshotPath('entry-published'), fullPage: true });

    // Live, without a reload: the dashboard moves to the next sequence number.
    await dashboard.locator('[data-seq="1"]').waitFor({ timeout: 5000 });
    const latest = dashboard.getByTestId('latest-declarations');
    await expect.poll(() => latest.textContent()).toContain('Croydon Central');
    expect(await latest.textContent()).toContain('Lab GAIN from Con');
    expect(await latest.textContent()).toContain('5,652');
    const table = dashboard.getByTestId('party-table');
    const labRow = (await table.locator('tr', { hasText: 'Labour' }).first().innerText()).split(/\s+/);
    const conRow = (await table.locator('tr', { hasText: 'Conservative' }).first().innerText()).split(/\s+/);
    // Seats, gains, losses, net follow the party's name in each row.
    expect(labRow.slice(-7, -3)).toEqual(['1', '1', '0', '+1']);
    expect(conRow.slice(-7, -3)).toEqual(['0', '0', '1', '-1']);
    await dashboard.screenshot({ path: screenshotPath('dashboard-after-croydon'), fullPage: true });
  });
});
