/** Debian's Chromium, headless, driven by playwright-core; screenshots go to test-results/. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../server/config/project-root.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(projectRoot, 'test-results');
export const CLIENT_DIST = path.join(projectRoot, 'dist', 'client');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`);
  if (!fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) throw new Error('dist/client is missing: run vite build (npm test does)');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export const screenshotPath = (name: string) => path.join(SCREENSHOTS, `${name}.png`);

/** Every visible piece of text smaller than 24px: the big screen must have none. */
export function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element || element.closest('svg title, [aria-hidden="true"]')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > window.innerHeight) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < 24) small.push(`${size}px: ${text.slice(0, 40)}`);
    }
    return small;
  });
}
