import { describe, expect, test } from 'vitest';
import type { PartyTableRow } from '../protocol/schemas.ts';
import { foldSmallParties, OTHERS } from './others.ts';

const row = (party: string, seats: number, share: number, extra: Partial<PartyTableRow> = {}): PartyTableRow => ({
  party,
  seats,
  gains: 0,
  losses: 0,
  net: 0,
  votes: Math.round(share * 1000),
  share,
  shareChange: 0.1,
  ...extra,
});

describe('foldSmallParties', () => {
  test('folds parties with no seats and under 1% of the vote into one Others row, summing votes and share', () => {
    const { rows, others, folded } = foldSmallParties([
      row('Con', 365, 43.6),
      row('Lab', 202, 32.1),
      row('Brexit', 0, 2.0),
      row('Yrks', 0, 0.1),
      row('CPA', 0, 0.05),
      row('Loony', 0, 0.2),
    ]);
    expect(rows.map((r) => r.party)).toEqual(['Con', 'Lab', 'Brexit']);
    expect(folded.map((r) => r.party)).toEqual(['Loony', 'Yrks', 'CPA']);
    expect(others).toMatchObject({ party: OTHERS, seats: 0, votes: 350, share: 0.35, shareChange: 0.3 });
  });

  test('keeps every party with a seat, however small its share (the Speaker, an independent)', () => {
    const { rows } = foldSmallParties([row('Spk', 1, 0.1), row('Ind', 1, 0.2), row('A', 0, 0.1), row('B', 0, 0.1)]);
    expect(rows.map((r) => r.party)).toEqual(['Spk', 'Ind']);
  });

  test('keeps a party that lost seats and has none left: its net change is news', () => {
    const { rows } = foldSmallParties([row('Con', 1, 60), row('UKIP', 0, 0.5, { losses: 1, net: -1 }), row('A', 0, 0.1), row('B', 0, 0.1)]);
    expect(rows.map((r) => r.party)).toEqual(['Con', 'UKIP']);
  });

  test('folds nothing where only one party would go into Others', () => {
    const table = [row('Con', 1, 99.5), row('Loony', 0, 0.5)];
    expect(foldSmallParties(table)).toEqual({ rows: table, others: null, folded: [] });
  });

  test('gives Others no share change where a folded party has none (a baseline without shares)', () => {
    const { others } = foldSmallParties([row('A', 0, 0.1, { shareChange: null }), row('B', 0, 0.1)]);
    expect(others?.shareChange).toBeNull();
  });
});
