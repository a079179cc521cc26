import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { api, startServer, type RunningServer } from '../support/server.ts';
import { addUser, login, PASSWORD, request } from '../support/session.ts';

describe('share images in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ clientDist: CLIENT_DIST });
    browser = await launchBrowser();
    await addUser(server, 'ada', 'admin');
    const admin = await login(server, 'ada');
    expect((await request(server, 'PUT', '/api/elections/ge2017/mode', { mode: 'rehearsal' }, { session: admin })).status).toBe(200);
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the screens page shows each line's image beside it, and the image opens at 1200x675", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}/screens?election=ge2017`);
    await page.getByTestId('login-username').fill('ada');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    const thumbnail = page.locator('[data-testid="lines"] [data-testid="share-links"] img').first();
    await thumbnail.waitFor();
    // The thumbnails load lazily, as an editor scrolls down to the lines.
    await thumbnail.scrollIntoViewIfNeeded();
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 })
      .toBe(1200);
    expect(await thumbnail.getAttribute('alt')).toBe('Share image: Croydon Central, version 1');
    await page.locator('section[aria-labelledby="lines-heading"]').screenshot({ path: screenshotPath('screens-share-links') });

    const href = await page.locator('[data-testid="share-links"] a', { hasText: '1080×1080' }).first().getAttribute('href');
    const image = await browser.newPage({ viewport: { width: 1080, height: 1080 } });
    const response = await image.goto(server.url + href!);
    expect(response?.headers()['content-type']).toBe('image/png');
    const size = await image.evaluate(() => {
      const img = document.querySelector('img')!;
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size).toEqual([1080, 1080]);
    await image.screenshot({ path: screenshotPath('share-image-in-browser') });
    await page.close();
    await image.close();
  });
});
