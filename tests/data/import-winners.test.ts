import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseWinners, readWinners } from '../../server/import/winners.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('parseWinners', () => {
  test('reads the GE2015 winners layout (region, party)', () => {
    expect(readWinners(fixture('winners-before.csv'))).toEqual([
      { code: 'W07000041', party: 'Lab' },
      { code: 'S14000003', party: 'SNP' },
      { code: 'N06000001', party: 'DUP' },
      { code: 'E14000608', party: 'Spk' },
      { code: 'E14000733', party: 'Lab' },
    ]);
  });

  test('reads the holders-at-dissolution layout, where an empty party is a vacant seat', () => {
    const holders = readWinners(fixture('holders-at-dissolution.csv'));
    expect(holders[1]).toEqual({ code: 'S14000003', party: 'Ind' });
    expect(holders[3]).toEqual({ code: 'E14000608', party: null });
  });

  test('rejects a seat listed twice, naming both lines', () => {
    const text = `${readFileSync(fixture('winners-before.csv'), 'utf8')}S14000003,Lab\n`;
    expect(() => parseWinners(text, 'w.csv')).toThrow('w.csv line 7, region: S14000003 is listed twice (also line 3)');
  });

  test('rejects a code that is not an ONS code', () => {
    expect(() => parseWinners('region,party\nAldershot,Con\n', 'w.csv')).toThrow('w.csv line 2, region: must be an ONS code');
  });

  test('says which layouts it knows when the header is neither', () => {
    expect(() => parseWinners('seat,winner\nE14000530,Con\n', 'w.csv')).toThrow(
      'w.csv line 1: expected the columns region,party or ccode,dissolution17 (found: seat, winner)',
    );
  });
});
