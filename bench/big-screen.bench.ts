/**
 * The big screen's two budgets (issue 4):
 *  1. the JavaScript the built /big-screen page loads, gzipped (aim: < 100 KB);
 *  2. the time to apply one update with 650 seats on screen (aim: < 4 ms), timed
 *     in real Chromium from the update's arrival on the socket to the screen redrawn
 *     (flushSync), over corrections that flip a seat's winner and back.
 * Runs `vite build` first, so it measures the code as it is.
 *   npm run bench -- big-screen [N]     N corrections (default 200)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { projectRoot } from '../server/config/project-root.ts';
import type { ElectionState } from '../shared/protocol/schemas.ts';
import { declaredNight2019 } from './night.ts';

const DIST = path.join(projectRoot, 'dist', 'client');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const N = Number(process.argv[2] ?? 200);

/** The page's module scripts and everything they import statically, as built files. */
function shippedScripts(html: string): string[] {
  const found = new Set<string>();
  const queue = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) =>
    path.join(DIST, m[1]),
  );
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(path.resolve(path.dirname(file), m[1]));
  }
  return [...found];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main() {
  // Always built afresh: a dist/ left from an older checkout would measure the old code.
  execFileSync(process.execPath, [path.join(projectRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  const scripts = shippedScripts(fs.readFileSync(path.join(DIST, 'big-screen.html'), 'utf8'));
  const raw = scripts.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const gzipped = scripts.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
  console.log(
    `JavaScript shipped to /big-screen: ${scripts.length} files, ${(raw / 1024).toFixed(1)} KB raw, ` +
      `${(gzipped / 1024).toFixed(1)} KB gzip (aim < 100 KB)`,
  );

  // A whole 2019 night declared, on the 650-hex map.
  const night = await declaredNight2019(DIST);
  const { url, send } = night;
  await send('PUT', '/api/elections/ge2019/screen', {
    panels: [{ panel: process.env.BENCH_PANEL ?? 'map', seconds: 600 }],
    gainSpotlightSeconds: 0,
  });
  const state = (await (await fetch(`${url}/api/elections/ge2019/state`)).json()) as ElectionState;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${url}/big-screen?election=ge2019&bench`);
    await page.locator(`[data-seq="${state.seq}"]`).waitFor();
    if ((process.env.BENCH_PANEL ?? 'map') === 'map') await page.locator('[data-testid="hex-map"] path[data-seat]').nth(649).waitFor();

    // Corrections that swap the top two candidates' votes: the winner, the hex and the party table all change.
    const contested = state.seatStates.filter(
      (s) => s.declaration !== null && s.declaration.candidates.length >= 2 && s.outcome!.majority > 0,
    );
    let seq = state.seq;
    for (let i = 0; i < N; i++) {
      const seat = contested[i % contested.length];
      const candidates = seat.declaration!.candidates.map((c) => ({ ...c }));
      const order = [...candidates.keys()].sort((a, b) => candidates[b].votes - candidates[a].votes);
      if (Math.floor(i / contested.length) % 2 === 0) {
        const [a, b] = [order[0], order[1]];
        [candidates[a].votes, candidates[b].votes] = [candidates[b].votes, candidates[a].votes];
      }
      const reply = await send('POST', `/api/elections/ge2019/seats/${seat.code}/correction`, {
        candidates,
        reason: 'bench: votes swapped',
      });
      if (reply.status !== 200) throw new Error(`correction refused: ${reply.status} ${await reply.text()}`);
      seq++;
      await page.locator(`[data-testid="big-screen"][data-seq="${seq}"]`).waitFor();
    }
    const timings = (await page.evaluate(() => (window as unknown as { __bench: { timings: number[] } }).__bench.timings)).sort(
      (a, b) => a - b,
    );
    const median = quantile(timings, 0.5);
    const p95 = quantile(timings, 0.95);
    console.log(
      `Apply one update, 650 seats on screen (${process.env.BENCH_PANEL ?? 'map'} panel), ${timings.length} updates: ` +
        `median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${timings.at(-1)!.toFixed(2)} ms (aim < 4 ms)`,
    );
  } finally {
    await browser.close();
    await night.close();
  }
}

await main();
