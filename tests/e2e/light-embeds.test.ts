/**
 * A reader's embed on another site's page (issue 11): the snippet from the screens page, pasted
 * into a page on another origin, at 300, 360 and 700 px. The frame takes the embed's own height,
 * so nothing is cut (the freshness line at the foot is in view); a polling embed never loads
 * socket.io or the 650-seat reference, and follows a declaration on its next ask.
 */
import http from 'node:http';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { embedSnippet } from '../../client/src/lib/embed-snippet.ts';
import type { EmbedWidget } from '../../client/src/lib/embed-widget.ts';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { CLIENT_DIST, launchBrowser, screenshotPath } from '../support/browser.ts';
import { api, startServer, type RunningServer } from '../support/server.ts';

const EALING = 'E14000674';
const WIDGETS: EmbedWidget[] = ['seat', 'party-table', 'latest', 'map'];

describe('embeds on a live blog', () => {
  let server: RunningServer;
  let browser: Browser;
  let blog: http.Server;
  let blogUrl: string;
  /** What the blog page holds: the snippets, as the screens page hands them out. */
  let body = '';

  beforeAll(async () => {
    server = await startServer({ clientDist: CLIENT_DIST });
    browser = await launchBrowser();
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    blog = http.createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:0">${body}</body>`);
    });
    await new Promise<void>((resolve) => blog.listen(0, '127.0.0.1', () => resolve()));
    blogUrl = `http://127.0.0.1:${(blog.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    blog?.close();
  });

  function snippet(widget: EmbedWidget, extra = '') {
    return embedSnippet({ origin: server.url, widget, election: 'ge2017', seat: CROYDON_CENTRAL, title: `Results: ${widget}` }).replace(
      /(<iframe src="[^"]+)"/,
      `$1${extra}"`,
    );
  }

  /** The embed's frame once it has loaded its page: scrolled to first, as a reader would (the frames load lazily). */
  async function embedFrame(page: import('playwright-core').Page, widget: EmbedWidget): Promise<Frame> {
    const element = page.locator(`iframe[src*="/embed/${widget}"]`);
    await element.scrollIntoViewIfNeeded();
    const handle = (await element.elementHandle())!;
    let frame: Frame | null = null;
    await expect
      .poll(
        async () => {
          frame = await handle.contentFrame();
          return frame?.url() ?? '';
        },
        { timeout: 10_000 },
      )
      .toContain(`/embed/${widget}`);
    return frame!;
  }

  for (const width of [300, 360, 700]) {
    test(`at ${width} px every embed's frame takes its height: nothing is cut`, async () => {
      body = WIDGETS.map((w) => snippet(w)).join('\n');
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(blogUrl);
      for (const widget of WIDGETS) {
        // Scrolled to, as a reader would: Chromium does not lay out a frame off screen, so it has nothing to report until then.
        const frame = await embedFrame(page, widget);
        await frame.locator('[data-testid="embed"][data-seq="1"]').waitFor();
        if (widget === 'map') await frame.locator('[data-testid="seat-grid"], [data-testid="hex-map"]').first().waitFor();
        const content = await frame.evaluate(() =>
          Math.ceil(document.querySelector('[data-testid="embed"]')!.getBoundingClientRect().height),
        );
        // The listener has set the frame to the content's height (it starts at a guess that was too short or too tall).
        await page.waitForFunction(
          ({ w, h }) => {
            const f = [...document.querySelectorAll('iframe')].find((i) => i.src.includes(`/embed/${w}`))!;
            return Math.abs(f.getBoundingClientRect().height - h) <= 1;
          },
          { w: widget, h: content },
        );
        const frameBox = (await (await frame.frameElement()).boundingBox())!;
        const foot = (await frame.getByTestId('freshness').boundingBox())!;
        expect(foot.y + foot.height, `${widget} at ${width}px: the freshness line is inside the frame`).toBeLessThanOrEqual(
          frameBox.y + frameBox.height + 1,
        );
        expect(
          await frame.evaluate(() => document.documentElement.scrollWidth),
          `${widget} at ${width}px: no sideways scrolling`,
        ).toBeLessThanOrEqual(width);
      }
      await page.screenshot({ path: screenshotPath(`light-embeds-on-a-blog-${width}`), fullPage: true });
      await page.close();
    }, 60_000);
  }

  test('a polling embed loads neither socket.io nor the reference, and shows a declaration on its next ask', async () => {
    body = snippet('seat', '&amp;every=2').replace(CROYDON_CENTRAL, EALING) + snippet('party-table', '&amp;every=2');
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(blogUrl);
    const seat = await embedFrame(page, 'seat');
    const table = await embedFrame(page, 'party-table');
    await seat.locator('[data-testid="seat-result"][data-status="undeclared"]').waitFor();
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(EALING))).status).toBe(201);
    await seat.locator('[data-testid="seat-result"][data-status="declared"]').waitFor({ timeout: 10_000 });
    expect(await seat.getByTestId('seat-result').innerText()).toContain('Alex Example');
    await table.locator('[data-testid="embed"][data-seq="2"]').waitFor({ timeout: 10_000 });
    expect(await table.locator('tr[data-party="Lab"] .seats').innerText()).toBe('2');
    expect(asked.filter((p) => p.startsWith('/socket.io') || p.endsWith('/reference') || p.endsWith('/state'))).toEqual([]);
    expect(asked).toContain(`/api/elections/ge2017/seats/${EALING}`);
    await page.close();
  }, 30_000);

  test('an embed whose server stops answering says its figures may be old', async () => {
    body = snippet('party-table', '&amp;every=2');
    const own = await startServer({ clientDist: CLIENT_DIST });
    body = body.replaceAll(server.url, own.url);
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(blogUrl);
    const frame = await embedFrame(page, 'party-table');
    await frame.locator('[data-testid="embed"][data-stale="false"][data-seq="0"]').waitFor();
    await own.close();
    await frame.locator('[data-testid="embed"][data-stale="true"]').waitFor({ timeout: 10_000 });
    expect(await frame.getByTestId('freshness').innerText()).toMatch(/Not live/);
    await page.close();
  }, 30_000);
});
