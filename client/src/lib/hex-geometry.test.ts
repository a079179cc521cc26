import { describe, expect, test } from 'vitest';
import { hexGeometry } from './hex-geometry.ts';

describe('hexGeometry', () => {
  test('puts a higher row further up the screen (HexJSON rows count northwards)', () => {
    const { cells } = hexGeometry({
      layout: 'odd-r',
      hexes: [
        { code: 'S14000003', q: 0, r: 9 },
        { code: 'E14000654', q: 0, r: 0 },
      ],
    });
    const scotland = cells.find((c) => c.code === 'S14000003')!;
    const croydon = cells.find((c) => c.code === 'E14000654')!;
    expect(scotland.y).toBeLessThan(croydon.y);
  });

  test('shifts odd rows half a hex to the right in an odd-r layout, negative rows included', () => {
    const { cells } = hexGeometry({
      layout: 'odd-r',
      hexes: [
        { code: 'E14000001', q: 0, r: 0 },
        { code: 'E14000002', q: 0, r: -1 },
      ],
    });
    expect(cells[1].x - cells[0].x).toBeCloseTo(Math.sqrt(3) / 2, 3);
  });

  test('fits every hex inside the view box', () => {
    const geometry = hexGeometry({
      layout: 'even-q',
      hexes: [
        { code: 'E14000001', q: -3, r: 2 },
        { code: 'E14000002', q: 4, r: -5 },
      ],
    });
    for (const c of geometry.cells) {
      expect(c.x).toBeGreaterThanOrEqual(0.99);
      expect(c.x).toBeLessThanOrEqual(geometry.width - 0.99);
      expect(c.y).toBeGreaterThan(0);
      expect(c.y).toBeLessThan(geometry.height);
    }
  });
});
