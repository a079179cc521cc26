import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { addUser, login, PASSWORD, request } from '../support/session.ts';

describe('the admin page: accounts, tokens and election settings', () => {
  let server: RunningServer;
  let browser: Browser;
  let otherSeat: string;

  beforeAll(async () => {
    server = await startServer({ clientDist: CLIENT_DIST });
    browser = await launchBrowser();
    await addUser(server, 'ada', 'admin');
    const state = (await request(server, 'GET', '/api/elections/ge2017/state')).body;
    otherSeat = state.seats.map((s: { code: string }) => s.code).find((c: string) => c !== CROYDON_CENTRAL);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + path);
    return page;
  }

  /** With the keyboard alone: the username field has the focus when the form appears. */
  async function signIn(page: Page, username: string) {
    await page.getByTestId('login-username').waitFor();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
  }

  test('an admin adds an editor who can then sign in, and a token works until it is revoked', async () => {
    const page = await open('/admin');
    await signIn(page, 'ada');
    await page.getByTestId('user-ada').waitFor();

    // A refusal names each field next to the form, and nothing is created.
    await page.getByTestId('new-username').fill('x');
    await page.getByTestId('new-password').fill('hunter2');
    await page.getByTestId('add-user').click();
    const refusal = page.getByTestId('user-refusal');
    await expect.poll(() => refusal.textContent()).toContain('password: must be at least 12 characters');
    expect(await refusal.textContent()).toContain('username: must be 2-40 letters');
    expect(await refusal.textContent()).not.toContain('hunter2');
    await page.getByTestId('user-form').screenshot({ path: screenshotPath('admin-refusal') });

    // The same form by keyboard: username, Tab, password, Tab past the role (editor by default), Tab, Enter.
    await page.getByTestId('new-username').fill('');
    await page.getByTestId('new-password').fill('');
    await page.getByTestId('new-username').focus();
    await page.keyboard.type('carol');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('user-carol').waitFor();
    expect(await page.getByTestId('user-carol').textContent()).toContain('editor');
    expect(await refusal.count()).toBe(0);

    const carol = await login(server, 'carol');
    const signedIn = await request(server, 'GET', '/api/session', undefined, { session: carol });
    expect(signedIn.body.user).toEqual({ username: 'carol', role: 'editor' });

    // A token, shown once, used as a bearer token by a script.
    await page.getByTestId('token-name').fill('replay script');
    await page.getByTestId('create-token').click();
    const secret = page.getByTestId('new-token');
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token.length).toBeGreaterThan(30);
    expect(await page.getByTestId('new-token-box').textContent()).toContain('Shown only once.');

    const declared = await request(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), {
      bearer: token,
      origin: null,
    });
    expect(declared.status).toBe(201);

    // Election settings: mode and the second editor.
    await page.getByTestId('mode-ge2017').selectOption('rehearsal');
    await page.getByTestId('set-mode-ge2017').click();
    await expect.poll(() => page.getByTestId('mode-now-ge2017').textContent()).toBe('now rehearsal');
    await page.getByTestId('confirmation-ge2017').check();
    await expect
      .poll(
        async () => (await request(server, 'GET', '/api/elections/ge2017/desk', undefined, { session: carol })).body.requireConfirmation,
      )
      .toBe(true);
    const listed = (await request(server, 'GET', '/api/elections')).body as { id: string; mode: string }[];
    expect(listed.find((e) => e.id === 'ge2017')?.mode).toBe('rehearsal');
    // Switch "Go live" on view, so the screenshot shows the warning beside it.
    await page.getByTestId('mode-ge2017').selectOption('live');

    await page.screenshot({ path: screenshotPath('admin'), fullPage: true });

    // Revoked: the same token is refused at once.
    const tokenId = (await request(server, 'GET', '/api/tokens', undefined, { session: await login(server, 'ada') })).body[0].id as number;
    await page.getByTestId(`revoke-${tokenId}`).click();
    await page.getByTestId(`revoke-${tokenId}-confirm`).click();
    await expect.poll(() => page.getByTestId(`token-${tokenId}`).textContent()).toContain('revoked');
    expect(await page.getByTestId('new-token-box').count()).toBe(0);

    const refused = await request(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(otherSeat), {
      bearer: token,
      origin: null,
    });
    expect(refused.status).toBe(401);

    // Disabling ends the editor's session.
    await page.getByTestId('disable-carol').click();
    await page.getByTestId('disable-carol-confirm').click();
    await expect.poll(() => page.getByTestId('user-carol').textContent()).toContain('disabled');
    expect((await request(server, 'GET', '/api/session', undefined, { session: carol })).body.user).toBeNull();
    await page.context().close();
  });

  test('an editor who signs in on /admin is told it is for admins only', async () => {
    await addUser(server, 'ed', 'editor');
    const page = await open('/admin');
    await signIn(page, 'ed');
    const notice = page.getByTestId('admins-only');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('for admins only');
    expect(await page.getByTestId('users-table').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('admin-editor') });
    await page.context().close();
  });
});
