/**
 * What a reader downloads (issue 11): each public page loaded cold in
 * Debian's Chromium late on a whole 2019 night, counting the bytes as the
 * browser received them (HTTP bodies and headers as sent, compressed or not,
 * and every WebSocket frame); then what one more declaration costs each
 * page while it stays open.
 *   npm run bench -- reader-bytes
 * Goals: seat embed <= 30 KB, party-table embed <= 50 KB, dashboard <= 120 KB,
 * big screen <= 200 KB; a later declaration costs an embed <= 1 KB.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { projectRoot } from '../server/config/project-root.ts';
import type { ElectionState } from '../shared/protocol/schemas.ts';
import { declaredNight2019 } from './night.ts';

const DIST = path.join(projectRoot, 'dist', 'client');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Long enough for an embed polling every 5 s (the default) to have asked at least once after the change. */
const SETTLE_MS = 7_000;

const PAGES = [
  { name: 'seat embed', path: '/embed/seat?election=ge2019&seat=E14000654', goalKb: 30 },
  { name: 'party-table embed', path: '/embed/party-table?election=ge2019', goalKb: 50 },
  { name: 'latest embed', path: '/embed/latest?election=ge2019', goalKb: null },
  { name: 'dashboard', path: '/?election=ge2019', goalKb: 120 },
  { name: 'big screen', path: '/big-screen?election=ge2019', goalKb: 200 },
];

/** Counts what the page receives from now on: HTTP (headers and body as sent) and WebSocket frames. */
async function meter(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  let http = 0;
  let socket = 0;
  let requests = 0;
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  const count = (requestId: string, bytes: number) => {
    http += bytes;
    requests++;
    if (process.env.BENCH_VERBOSE) console.log(`  ${bytes} B ${urls.get(requestId)}`);
  };
  cdp.on('Network.loadingFinished', (e) => count(e.requestId, e.encodedDataLength));
  // A response without a body (a 204) ends as "aborted" in Chromium's records, never "finished": its headers still came.
  const headed = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => headed.set(e.requestId, e.response.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => count(e.requestId, headed.get(e.requestId) ?? 0));
  cdp.on('Network.webSocketFrameReceived', (e) => {
    if (process.env.BENCH_VERBOSE) console.log(`  frame ${e.response.payloadData.length} B`);
    // The payload as text; a frame's header adds 2-10 bytes.
    socket += Buffer.byteLength(e.response.payloadData) + 4;
  });
  return {
    read: () => ({ http, socket, requests, total: http + socket }),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  execFileSync(process.execPath, [path.join(projectRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  const night = await declaredNight2019(DIST);
  const { url, send } = night;
  const state = (await (await fetch(`${url}/api/elections/ge2019/state`)).json()) as ElectionState;
  // The later change: the seat embed's own seat, its top two swapped (the seat, the table and the latest list all move).
  const seat = state.seatStates.find((s) => s.code === 'E14000654')!;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const rows: string[][] = [];
  try {
    let seq = state.seq;
    let flip = 0;
    for (const { name, path: route, goalKb } of PAGES) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const counter = await meter(page);
      await page.goto(url + route);
      await page.locator(`[data-seq="${seq}"]`).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1_000);
      const cold = counter.read();
      // What the page costs while nothing changes (its polls' 304s, or nothing on a socket), to set against the change.
      await page.waitForTimeout(SETTLE_MS);
      const idle = counter.read().total - cold.total;
      const beforeChange = counter.read();

      const candidates = seat.declaration!.candidates.map((c) => ({ ...c }));
      const order = [...candidates.keys()].sort((a, b) => candidates[b].votes - candidates[a].votes);
      if (flip++ % 2 === 0)
        [candidates[order[0]].votes, candidates[order[1]].votes] = [candidates[order[1]].votes, candidates[order[0]].votes];
      const reply = await send('POST', `/api/elections/ge2019/seats/${seat.code}/correction`, {
        candidates,
        reason: 'bench: a later change',
      });
      if (reply.status !== 200) throw new Error(`correction refused: ${reply.status} ${await reply.text()}`);
      seq++;
      await page.locator(`[data-seq="${seq}"]`).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(SETTLE_MS);
      const after = counter.read();
      const perChange = after.total - beforeChange.total - idle;
      rows.push([
        name,
        kb(cold.total),
        `${kb(cold.http)} HTTP in ${cold.requests} requests, ${kb(cold.socket)} socket`,
        goalKb === null ? '' : `${goalKb} KB: ${cold.total / 1024 <= goalKb ? 'met' : 'not met'}`,
        `${perChange} B`,
        `${idle} B`,
      ]);
      await context.close();
    }
  } finally {
    await browser.close();
    await night.close();
  }
  console.log('Cold load over the wire, a whole 2019 night declared (Chromium, Accept-Encoding: gzip, deflate, br):');
  console.log(`| page | cold load | of which | goal | one later change | ${SETTLE_MS / 1000} s with no change |`);
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

await main();
