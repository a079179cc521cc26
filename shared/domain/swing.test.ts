import { describe, expect, test } from 'vitest';
import { butlerSwing, sharesByParty } from './swing.ts';

describe('butlerSwing', () => {
  test('averages one party’s rise and the other’s fall (worked example)', () => {
    // Con 40% -> 45% (+5), Lab 30% -> 28% (-2): ((+5) - (-2)) / 2 = 3.5 from Lab to Con.
    const swing = butlerSwing({ party: 'Con', before: 40, now: 45 }, { party: 'Lab', before: 30, now: 28 });
    expect(swing).toEqual({ from: 'Lab', to: 'Con', points: 3.5 });
  });

  test('reports the swing in the direction it went whichever party is given first', () => {
    const swing = butlerSwing({ party: 'Lab', before: 30, now: 28 }, { party: 'Con', before: 40, now: 45 });
    expect(swing).toEqual({ from: 'Lab', to: 'Con', points: 3.5 });
  });

  test('counts a swing where both parties gain share', () => {
    // Lab +10, Con +2: (10 - 2) / 2 = 4 from Con to Lab.
    const swing = butlerSwing({ party: 'Lab', before: 30, now: 40 }, { party: 'Con', before: 40, now: 42 });
    expect(swing).toEqual({ from: 'Con', to: 'Lab', points: 4 });
  });

  test('reports no movement as zero points', () => {
    const swing = butlerSwing({ party: 'Con', before: 40, now: 40 }, { party: 'Lab', before: 30, now: 30 });
    expect(swing.points).toBe(0);
  });
});

describe('sharesByParty', () => {
  test('turns votes by party into percentage shares', () => {
    const shares = sharesByParty(
      new Map([
        ['Con', 600],
        ['Lab', 300],
        ['LD', 100],
      ]),
    );
    expect(Object.fromEntries(shares)).toEqual({ Con: 60, Lab: 30, LD: 10 });
  });

  test('gives no shares where nobody has voted', () => {
    expect(sharesByParty(new Map([['Con', 0]])).size).toBe(0);
  });
});
