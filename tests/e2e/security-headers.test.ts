/**
 * Security headers: every page runs under a Content-Security-Policy with no violation in Chromium
 * (signed in where the page is for editors, with a declared seat on screen); editor and admin pages
 * refuse to be framed, embeds may be framed by any site; nosniff and Referrer-Policy everywhere.
 */
import http from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NOT_A_PAGE_POLICY } from '../../server/http/security-headers.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { api, startServer, type RunningServer } from '../support/server.ts';
import { addUser, login, request, type Session } from '../support/session.ts';

const PAGES = [
  '/?election=ge2017',
  '/entry',
  '/audit?election=ge2017',
  '/admin',
  '/big-screen?election=ge2017',
  '/screens?election=ge2017',
  `/embed/party-table?election=ge2017`,
  `/embed/seat?election=ge2017&seat=${CROYDON_CENTRAL}`,
  '/embed/latest?election=ge2017',
  '/embed/map?election=ge2017',
];
const isEmbed = (path: string) => path.startsWith('/embed/');

describe('security headers', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Session;
  let outside: http.Server;
  let outsideUrl: string;

  beforeAll(async () => {
    server = await startServer({ clientDist: CLIENT_DIST });
    browser = await launchBrowser();
    await addUser(server, 'ada', 'admin');
    admin = await login(server, 'ada');
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    // Another site (another origin: another port) that frames an embed and the entry page.
    outside = http.createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(
        `<!doctype html><iframe id="embed" src="${server.url}/embed/party-table?election=ge2017"></iframe>` +
          `<iframe id="entry" src="${server.url}/entry"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', () => resolve()));
    outsideUrl = `http://127.0.0.1:${(outside.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    outside?.close();
  });

  test('every page carries the policy; only the embeds may be framed, by anyone', async () => {
    for (const path of PAGES) {
      const answer = await request(server, 'GET', path);
      expect(answer.status, path).toBe(200);
      const csp = String(answer.headers['content-security-policy']);
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
      expect(answer.headers['referrer-policy'], path).toBe('no-referrer');
      if (isEmbed(path)) {
        expect(csp, path).toContain('frame-ancestors *');
        expect(answer.headers['x-frame-options'], path).toBeUndefined();
      } else {
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(answer.headers['x-frame-options'], path).toBe('DENY');
      }
    }
  });

  test('an answer that is not a page allows nothing and carries no document-only headers; a 304 carries no policy', async () => {
    const html = await request(server, 'GET', '/embed/seat?election=ge2017');
    const asset = String(html.text).match(/src="(\/assets\/[^"]+\.js)"/)![1];
    for (const path of [
      '/api/elections/ge2017/state',
      '/api/elections/ge2017/feed.atom',
      '/api/session',
      '/api/elections/ge2017/party-table',
      asset,
    ]) {
      const answer = await request(server, 'GET', path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-security-policy'], path).toBe(NOT_A_PAGE_POLICY);
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
      expect(answer.headers['x-frame-options'], path).toBeUndefined();
      expect(answer.headers['cross-origin-opener-policy'], path).toBeUndefined();
    }
    // A page revalidated: the browser updates its copy's headers from the 304's, so the 304 must not carry the allow-nothing policy.
    const page = await request(server, 'GET', '/embed/seat?election=ge2017', undefined, {
      headers: { 'if-none-match': String(html.headers.etag) },
    });
    expect(page.status).toBe(304);
    expect(page.headers['content-security-policy']).toBeUndefined();
  });

  test('no page breaks its policy in Chromium: no violation, no refused script, style or connection', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const [name, value] = admin.cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    for (const path of PAGES) {
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text());
      });
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      // Each page has drawn from live data (or its signed-in form) before it is judged.
      await page.waitForFunction(() => (document.body.innerText ?? '').trim().length > 20);
      await page.waitForTimeout(300);
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      expect({ path, violations, consoleErrors }).toEqual({ path, violations: [], consoleErrors: [] });
      if (path === '/entry' || path.startsWith('/big-screen')) {
        await page.screenshot({ path: screenshotPath(`csp-${path.split('?')[0].replaceAll('/', '') || 'dashboard'}`) });
      }
      await page.close();
    }
    await context.close();
  }, 90_000);

  test('another site can frame an embed but not the entry page', async () => {
    const page = await browser.newPage();
    const refusals: string[] = [];
    page.on('console', (message) => refusals.push(message.text()));
    await page.goto(outsideUrl, { waitUntil: 'networkidle' });
    const embed = page.frames().find((f) => f.url().includes('/embed/party-table'));
    expect(embed).toBeTruthy();
    await embed!.waitForFunction(() => document.body.innerText.includes('Lab'));
    const entry = await page.$('#entry');
    const entryFrame = await entry!.contentFrame();
    // A refused frame holds Chromium's error page, never the entry page's form.
    expect(await entryFrame!.evaluate(() => document.querySelector('[data-testid="login-username"]'))).toBeNull();
    expect(refusals.join('\n')).toMatch(/Refused to frame|frame-ancestors/);
    await page.screenshot({ path: screenshotPath('csp-framed-by-another-site') });
    await page.close();
  });
});
