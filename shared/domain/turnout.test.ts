import { describe, expect, test } from 'vitest';
import type { Candidate, SeatBaseline } from '../protocol/schemas.ts';
import { seatOutcome } from './outcome.ts';
import { NO_CONTINUITY } from './party.ts';
import { houseTurnout } from './turnout.ts';

const candidates = (con: number, lab: number): Candidate[] => [
  { name: 'C', party: 'Con', votes: con },
  { name: 'L', party: 'Lab', votes: lab },
];
const seat = (baseline: SeatBaseline, votes: Candidate[], electorate?: number) => ({
  baseline,
  outcome: seatOutcome({ declaration: { candidates: votes, electorate }, baseline, continuity: NO_CONTINUITY }),
  electorate,
});
const withTurnout: SeatBaseline = {
  party: 'Con',
  electorate: 100_000,
  votes: [
    { party: 'Con', votes: 40_000 },
    { party: 'Lab', votes: 30_000 },
  ],
};
const winnerOnly: SeatBaseline = { party: 'Con' };

describe('houseTurnout', () => {
  test('is the valid votes over the electorate of the declared seats that gave one, not an average of their turnouts', () => {
    // 30,000 of 50,000 and 45,000 of 50,000: 75,000 of 100,000 is 75%.
    const turnout = houseTurnout([
      seat(winnerOnly, candidates(20_000, 10_000), 50_000),
      seat(winnerOnly, candidates(25_000, 20_000), 50_000),
    ]);
    expect(turnout).toEqual({ percent: 75, seats: 2, change: null });
  });

  test('leaves out declared seats without an electorate, and says how many seats it rests on', () => {
    const turnout = houseTurnout([seat(winnerOnly, candidates(20_000, 10_000), 50_000), seat(winnerOnly, candidates(1, 1))]);
    expect(turnout).toEqual({ percent: 60, seats: 1, change: null });
  });

  test('gives the change against the baseline only on seats where the baseline turnout is known too', () => {
    // Now 63,000 of 90,000 = 70%; the baseline had 70,000 of 100,000 = 70% on the same seat: no change.
    const turnout = houseTurnout([
      seat(withTurnout, candidates(33_000, 30_000), 90_000),
      seat(winnerOnly, candidates(20_000, 10_000), 50_000),
    ]);
    expect(turnout?.change).toBe(0);
    expect(turnout?.seats).toBe(2);
  });

  test('is null while no declared seat has given its electorate', () => {
    expect(houseTurnout([seat(withTurnout, candidates(1, 2))])).toBeNull();
    expect(houseTurnout([])).toBeNull();
  });
});
