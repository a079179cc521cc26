import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { api, startServer, type RunningServer } from '../support/server.ts';
import { addUser, PASSWORD } from '../support/session.ts';
import { startReceiver, type Receiver } from '../support/webhook-receiver.ts';

describe('the admin page: webhooks', () => {
  let server: RunningServer;
  let browser: Browser;
  let receiver: Receiver;
  let secret = '';

  beforeAll(async () => {
    server = await startServer({ clientDist: CLIENT_DIST, webhooks: { retryDelaysMs: [20, 40] } });
    browser = await launchBrowser();
    receiver = await startReceiver(() => secret);
    await addUser(server, 'ada', 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  test('an admin adds a webhook, sees a failing delivery become a dead letter, and sends it again', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await page.goto(server.url + '/admin');
    await page.getByTestId('login-username').fill('ada');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');

    await page.getByTestId('webhook-name').fill('Live blog');
    await page.getByTestId('webhook-url').fill(receiver.url);
    await page.getByTestId('webhook-event-gains').check();
    await page.getByTestId('add-webhook').click();
    secret = await page.getByTestId('new-webhook-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);

    receiver.answer = 500;
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    await expect.poll(() => receiver.arrivals.length, { timeout: 10_000 }).toBe(3);

    const row = page.locator('[data-testid^="webhook-"]').filter({ hasText: 'Live blog' });
    await row.getByRole('button', { name: 'Deliveries' }).click();
    const deliveries = page.getByTestId('deliveries-table');
    await expect.poll(() => deliveries.textContent(), { timeout: 10_000 }).toContain('dead letter');
    expect(await deliveries.textContent()).toContain('Croydon Central: Lab GAIN from Con');
    expect(await deliveries.textContent()).toContain('answered 500');
    await page.getByTestId('webhooks-heading').or(page.locator('#webhooks-heading')).first().scrollIntoViewIfNeeded();
    await page.locator('section[aria-labelledby="webhooks-heading"]').screenshot({ path: screenshotPath('admin-webhooks-dead-letter') });

    receiver.answer = 200;
    await deliveries.getByRole('button', { name: 'Send again' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
    expect(receiver.received[0]).toMatchObject({ signed: true, key: `ge2017:${CROYDON_CENTRAL}:v1` });
    await expect.poll(() => deliveries.textContent(), { timeout: 10_000 }).toContain('delivered');
    await page.locator('section[aria-labelledby="webhooks-heading"]').screenshot({ path: screenshotPath('admin-webhooks-sent-again') });
  });
});
