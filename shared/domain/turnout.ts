/**
 * Turnout over the seats declared so far (ELECTION-RULES: turnout = valid votes /
 * electorate x 100, the Library's definition; its change only where both are known).
 */
import type { HouseTurnout, Outcome, SeatBaseline } from '../protocol/schemas.ts';
import { round2 } from './figures.ts';

export interface TurnoutSeat {
  baseline: SeatBaseline;
  outcome: Outcome | null;
  electorate?: number;
}

/** Whole-number sums, so a running total (added and taken away seat by seat) agrees with one added up afresh. */
export interface TurnoutSums {
  valid: number;
  electorate: number;
  counted: number;
  /** The change compares like with like: only seats whose baseline turnout is known too. */
  paired: { valid: number; electorate: number; baselineVotes: number; baselineElectorate: number };
}

export const emptyTurnoutSums = (): TurnoutSums => ({
  valid: 0,
  electorate: 0,
  counted: 0,
  paired: { valid: 0, electorate: 0, baselineVotes: 0, baselineElectorate: 0 },
});

/** Adds one seat to the sums (sign 1), or takes it away (sign -1). */
export function addTurnout(sums: TurnoutSums, { baseline, outcome, electorate: e }: TurnoutSeat, sign: 1 | -1): void {
  if (outcome === null || !e) return;
  sums.valid += sign * outcome.validVotes;
  sums.electorate += sign * e;
  sums.counted += sign;
  const baselineVotes = (baseline.votes ?? []).reduce((sum, v) => sum + v.votes, 0);
  if (baseline.electorate && baselineVotes > 0) {
    sums.paired.valid += sign * outcome.validVotes;
    sums.paired.electorate += sign * e;
    sums.paired.baselineVotes += sign * baselineVotes;
    sums.paired.baselineElectorate += sign * baseline.electorate;
  }
}

export function turnoutOf({ valid, electorate, counted, paired }: TurnoutSums): HouseTurnout | null {
  if (counted === 0) return null;
  const change =
    paired.electorate > 0 ? round2((paired.valid / paired.electorate - paired.baselineVotes / paired.baselineElectorate) * 100) : null;
  return { percent: round2((valid / electorate) * 100), seats: counted, change };
}

export function houseTurnout(seats: readonly TurnoutSeat[]): HouseTurnout | null {
  const sums = emptyTurnoutSums();
  for (const seat of seats) addTurnout(sums, seat, 1);
  return turnoutOf(sums);
}
