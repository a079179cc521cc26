import { describe, expect, test } from 'vitest';
import { partiesAsNamedIn } from './party-names.ts';

const parties = [
  { code: 'RUK', name: 'Reform UK', colour: '#12B6CF' },
  { code: 'Brexit', name: 'Brexit Party', colour: '#12B6CF' },
  { code: 'APNI', name: 'Alliance', colour: '#F6CB2F' },
  { code: 'Lab', name: 'Labour', colour: '#E4003B' },
];
const continuity = { aliases: { Alliance: 'APNI', 'Lab Co-op': 'Lab' }, successors: { Brexit: 'RUK' } };
const nameOf = (list: readonly { code: string; name: string }[], code: string) => list.find((p) => p.code === code)!.name;

describe('each election names a party as it was then', () => {
  test('2019: only the Brexit Party stood, so its row (counted as RUK) reads "Brexit Party (now Reform UK)"', () => {
    expect(nameOf(partiesAsNamedIn(parties, continuity, ['Lab', 'Brexit', 'Alliance']), 'RUK')).toBe('Brexit Party (now Reform UK)');
  });

  test('2024: Reform UK stood under its own name', () => {
    expect(nameOf(partiesAsNamedIn(parties, continuity, ['Lab', 'Brexit', 'RUK']), 'RUK')).toBe('Reform UK');
  });

  test('an alias is the same party spelt another way: no rename, and the same list comes back', () => {
    const list = partiesAsNamedIn(parties, continuity, ['Alliance', 'Lab Co-op']);
    expect(list).toBe(parties);
  });
});
