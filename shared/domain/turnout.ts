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

export function houseTurnout(seats: readonly TurnoutSeat[]): HouseTurnout | null {
  let valid = 0;
  let electorate = 0;
  let counted = 0;
  // The change compares like with like: only seats whose baseline turnout is known too.
  const paired = { valid: 0, electorate: 0, baselineVotes: 0, baselineElectorate: 0 };
  for (const { baseline, outcome, electorate: e } of seats) {
    if (outcome === null || !e) continue;
    valid += outcome.validVotes;
    electorate += e;
    counted++;
    const baselineVotes = (baseline.votes ?? []).reduce((sum, v) => sum + v.votes, 0);
    if (baseline.electorate && baselineVotes > 0) {
      paired.valid += outcome.validVotes;
      paired.electorate += e;
      paired.baselineVotes += baselineVotes;
      paired.baselineElectorate += baseline.electorate;
    }
  }
  if (counted === 0) return null;
  const change =
    paired.electorate > 0 ? round2((paired.valid / paired.electorate - paired.baselineVotes / paired.baselineElectorate) * 100) : null;
  return { percent: round2((valid / electorate) * 100), seats: counted, change };
}
