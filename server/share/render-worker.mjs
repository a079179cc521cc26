// The share images' render process: satori lays the card out to SVG, resvg draws it to PNG.
// A child process at the lowest CPU priority, so drawing takes only what declarations leave.
// Plain JavaScript so it runs the same under tsx, vitest and node; the cards are built in TypeScript (cards.ts).
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

const fontDir = process.argv[2];
const fonts = [
  { name: 'DejaVu Sans', data: fs.readFileSync(path.join(fontDir, 'DejaVuSans.ttf')), weight: 400, style: 'normal' },
  { name: 'DejaVu Sans', data: fs.readFileSync(path.join(fontDir, 'DejaVuSans-Bold.ttf')), weight: 700, style: 'normal' },
];
// The server gone, nothing is left to draw for.
process.on('disconnect', () => process.exit(0));

process.on('message', async ({ tree, width, height }) => {
  try {
    const svg = await satori(tree, { width, height, fonts });
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: width } }).render().asPng();
    process.send({ png: new Uint8Array(png) });
  } catch (err) {
    process.send({ error: err instanceof Error ? err.message : String(err) });
  }
});
