/** Debian's Chromium, headless, driven by playwright-core; screenshots go to test-results/. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
