/**
 * Where each seat's hex sits, worked out once per map (never per update):
 * HexJSON rows count upwards (north is a higher r), so y runs as -r.
 * Pointy-top hexes for the -r layouts, flat-top for the -q layouts.
 */
import type { HexMap } from '../../../shared/protocol/schemas.ts';

export interface HexCell {
  code: string;
  x: number;
  y: number;
}

export interface HexGeometry {
  cells: HexCell[];
  /** The outline of one hex centred on 0,0, as an SVG path. */
  shape: string;
  viewBox: string;
  width: number;
  height: number;
}

const SQRT3 = Math.sqrt(3);

function isOdd(n: number): boolean {
  return (n & 1) === 1;
}

function hexShape(pointy: boolean, radius: number): string {
  const corners = Array.from({ length: 6 }, (_, i) => {
    const angle = (Math.PI / 180) * (60 * i + (pointy ? 30 : 0));
    return `${(radius * Math.cos(angle)).toFixed(3)} ${(radius * Math.sin(angle)).toFixed(3)}`;
  });
  return `M${corners.join('L')}Z`;
}

/** Cell centres for a map of unit-radius hexes, with a little gap between neighbours. */
export function hexGeometry({ layout, hexes }: Pick<HexMap, 'layout' | 'hexes'>, gap = 0.08): HexGeometry {
  const pointy = layout === 'odd-r' || layout === 'even-r';
  const shiftOdd = layout === 'odd-r' || layout === 'odd-q';
  const raw = hexes.map(({ code, q, r }) => {
    if (pointy) {
      const shifted = isOdd(r) === shiftOdd;
      return { code, x: SQRT3 * (q + (shifted ? 0.5 : 0)), y: -1.5 * r };
    }
    const shifted = isOdd(q) === shiftOdd;
    return { code, x: 1.5 * q, y: -SQRT3 * (r + (shifted ? 0.5 : 0)) };
  });
  const halfWidth = pointy ? SQRT3 / 2 : 1;
  const halfHeight = pointy ? 1 : SQRT3 / 2;
  const minX = Math.min(...raw.map((c) => c.x)) - halfWidth;
  const minY = Math.min(...raw.map((c) => c.y)) - halfHeight;
  const maxX = Math.max(...raw.map((c) => c.x)) + halfWidth;
  const maxY = Math.max(...raw.map((c) => c.y)) + halfHeight;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const cells = raw.map((c) => ({ code: c.code, x: round(c.x - minX), y: round(c.y - minY) }));
  const width = round(maxX - minX);
  const height = round(maxY - minY);
  return { cells, shape: hexShape(pointy, 1 - gap), viewBox: `0 0 ${width} ${height}`, width, height };
}
