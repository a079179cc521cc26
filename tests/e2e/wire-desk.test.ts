import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { WireSource } from '../../server/wire/wire-source.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { addUser, PASSWORD } from '../support/session.ts';
import { editorCall, file, otherFigures, result, seat, untilDesk, wireNight, type WireNight } from '../support/wire.ts';

let night: WireNight;
let browser: Browser;
let uploader: WireSource;

beforeAll(async () => {
  night = await wireNight({ intervalMs: 250, timeoutMs: 1500, clientDist: CLIENT_DIST });
  uploader = night.ftp.uploader();
  browser = await launchBrowser();
  await addUser(night.server, 'alice');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await uploader?.close();
  await night?.close();
});

test('the desk sees a wire result that disagrees beside its own figures, keeps its own, and sees the feed go down', async () => {
  const aldershot = seat('Aldershot');
  const typed = otherFigures(aldershot.candidates, 40);
  expect(
    (await editorCall(night.server, 'POST', '/api/elections/ge2019/declarations', { seat: aldershot.code, candidates: typed })).status,
  ).toBe(201);
  await uploader.write('results', file('result', aldershot, 1), result(aldershot, 1));
  await uploader.write('results', '.timestamp', '1\n');
  await untilDesk(night.server, (d) => d.held.length === 1, 'held');

  for (const width of [390, 1400]) {
    const page = await (await browser.newContext({ viewport: { width, height: 1200 } })).newPage();
    await page.goto(`${night.server.url}/entry?election=ge2019`);
    await page.getByTestId('login-username').fill('alice');
    await page.locator('input[type=password]').fill(PASSWORD);
    await page.keyboard.press('Enter');
    const held = page.getByTestId(`wire-held-${aldershot.code}`);
    await held.waitFor();
    expect(await held.textContent()).toContain('Aldershot: the wire disagrees with the desk');
    // Only the runner-up's votes differ: one row marked, the wire's figure beside the desk's.
    const differing = held.locator('tr.differs');
    expect(await differing.count()).toBe(1);
    const sorted = [...aldershot.candidates].sort((a, b) => b.votes - a.votes);
    expect(await differing.textContent()).toContain(`${sorted[1].votes.toLocaleString('en-GB')}`);
    expect(await differing.textContent()).toContain(`${(sorted[1].votes + 40).toLocaleString('en-GB')}`);
    expect(await page.getByTestId('wire-feed').textContent()).toContain('Feed up');
    await page.screenshot({ path: screenshotPath(`wire-desk-held-${width}`), fullPage: true });
    if (width === 390) {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      continue;
    }
    await held.locator('input').fill('our reporter at the count');
    await page.getByTestId(`wire-keep-${aldershot.code}`).click();
    await held.waitFor({ state: 'detached' });
    await night.ftp.stop();
    await page.getByTestId('wire-feed').filter({ hasText: 'Feed DOWN' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('wire-feed').textContent()).toContain('Keep entering results by hand');
    await page.screenshot({ path: screenshotPath('wire-desk-feed-down'), fullPage: true });
  }
  const log = (await editorCall(night.server, 'GET', '/api/elections/ge2019/wire/log')).body.files;
  expect(log[0]).toMatchObject({
    resolution: 'kept-desk',
    resolvedBy: 'alice',
    resolutionNote: 'our reporter at the count',
    wire: { candidates: aldershot.candidates },
  });
}, 90_000);
