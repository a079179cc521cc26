import { describe, expect, test } from 'vitest';
import { LONDON_TILES } from './london-tiles.ts';

describe('the London tile map', () => {
  test('has one tile for each of the 14 areas, no two on the same place', () => {
    expect(new Set(LONDON_TILES.map((t) => t.code)).size).toBe(14);
    expect(new Set(LONDON_TILES.map((t) => `${t.col},${t.row}`)).size).toBe(14);
  });
});
