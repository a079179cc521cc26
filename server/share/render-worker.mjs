// The share images' render thread: satori lays the card out to SVG, resvg draws it to PNG.
// Plain JavaScript so it runs as a worker under tsx, vitest and node alike; the cards are built in TypeScript (cards.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

const fonts = [
  { name: 'DejaVu Sans', data: fs.readFileSync(path.join(workerData.fontDir, 'DejaVuSans.ttf')), weight: 400, style: 'normal' },
  { name: 'DejaVu Sans', data: fs.readFileSync(path.join(workerData.fontDir, 'DejaVuSans-Bold.ttf')), weight: 700, style: 'normal' },
];

parentPort.on('message', async ({ id, tree, width, height }) => {
  try {
    const svg = await satori(tree, { width, height, fonts });
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: width } }).render().asPng();
    const bytes = new Uint8Array(png);
    parentPort.postMessage({ id, png: bytes }, [bytes.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
