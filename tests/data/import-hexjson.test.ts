import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { matchHexesToSeats, parseHexJson, readHexJson } from '../../server/import/hexjson.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const text = readFileSync(fixture('mini.hexjson'), 'utf8');

describe('parseHexJson', () => {
  test('lists one hex per seat with its code, name, position and region where the map gives one', () => {
    const map = readHexJson(fixture('mini.hexjson'));
    expect(map.layout).toBe('odd-r');
    expect(map.hexes).toEqual([
      { code: 'W07000041', name: 'Ynys Môn', q: -5, r: 2, region: 'W' },
      { code: 'S14000003', name: 'Ayr, Carrick and Cumnock', q: -4, r: 9 },
      { code: 'N06000001', name: 'Belfast East', q: -9, r: 6 },
    ]);
  });

  test('names the line and hex of a position that is not a whole number', () => {
    const broken = text.replace('"q": -4', '"q": -4.5');
    expect(() => parseHexJson(broken, 'mini.hexjson')).toThrow('mini.hexjson line 5 (hexes.S14000003.q): must be a whole column number');
  });

  test('rejects a key that is not an ONS code', () => {
    const broken = text.replace('"N06000001"', '"Belfast East"');
    expect(() => parseHexJson(broken, 'mini.hexjson')).toThrow('must be an ONS code');
  });

  test('rejects two seats on the same hex', () => {
    const broken = text.replace('"q": -9, "r": 6', '"q": -5, "r": 2');
    expect(() => parseHexJson(broken, 'mini.hexjson')).toThrow(
      'mini.hexjson line 6 (hexes.N06000001): sits on q,r -5,2, already taken by W07000041',
    );
  });

  test('rejects a layout HexJSON does not define', () => {
    expect(() => parseHexJson(text.replace('odd-r', 'odd-x'), 'mini.hexjson')).toThrow('mini.hexjson line 2 (layout)');
  });
});

describe('matchHexesToSeats', () => {
  test('gives a hex with an out-of-date code the code of the seat with its name', () => {
    const map = parseHexJson(text, 'mini.hexjson');
    const seats = [
      { code: 'W07000041', name: 'Ynys Môn' },
      { code: 'S14000107', name: 'Ayr, Carrick and Cumnock' },
      { code: 'N06000001', name: 'Belfast East' },
    ];
    const { map: joined, rekeyed } = matchHexesToSeats(map, seats);
    expect(rekeyed).toEqual([{ name: 'Ayr, Carrick and Cumnock', from: 'S14000003', to: 'S14000107' }]);
    expect(joined.hexes.map((h) => h.code)).toEqual(['W07000041', 'S14000107', 'N06000001']);
  });

  test('leaves a hex alone when no unmatched seat has its name', () => {
    const { rekeyed } = matchHexesToSeats(parseHexJson(text, 'mini.hexjson'), [{ code: 'E14000530', name: 'Aldershot' }]);
    expect(rekeyed).toEqual([]);
  });
});
