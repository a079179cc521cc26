/**
 * The 14 London Assembly constituencies as tiles on a 5 x 4 grid, roughly
 * where they lie (north at the top, the Thames between rows 1 and 2): one
 * tile each, the same size whatever the electorate, like the hex map's seats.
 */
export interface Tile {
  code: string;
  /** A short label that fits a tile at 390 px. */
  short: string;
  col: number;
  row: number;
}

export const LONDON_TILES: readonly Tile[] = [
  { code: 'E32000003', short: 'Brent & Harrow', col: 1, row: 0 },
  { code: 'E32000001', short: 'Barnet & Camden', col: 2, row: 0 },
  { code: 'E32000007', short: 'Enfield & Haringey', col: 3, row: 0 },
  { code: 'E32000009', short: 'Havering & Redbridge', col: 4, row: 0 },
  { code: 'E32000006', short: 'Ealing & Hillingdon', col: 0, row: 1 },
  { code: 'E32000014', short: 'West Central', col: 1, row: 1 },
  { code: 'E32000012', short: 'North East', col: 2, row: 1 },
  { code: 'E32000004', short: 'City & East', col: 3, row: 1 },
  { code: 'E32000013', short: 'South West', col: 0, row: 2 },
  { code: 'E32000011', short: 'Merton & Wandsworth', col: 1, row: 2 },
  { code: 'E32000010', short: 'Lambeth & Southwark', col: 2, row: 2 },
  { code: 'E32000008', short: 'Greenwich & Lewisham', col: 3, row: 2 },
  { code: 'E32000002', short: 'Bexley & Bromley', col: 4, row: 2 },
  { code: 'E32000005', short: 'Croydon & Sutton', col: 2, row: 3 },
];

/** The tile for an area; an area not on the London grid (another city's count) gets none and is listed instead. */
export function tileFor(code: string): Tile | undefined {
  return LONDON_TILES.find((t) => t.code === code);
}
