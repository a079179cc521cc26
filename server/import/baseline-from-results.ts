/**
 * Seat baselines from the previous election's files: full results give the
 * winner, MP, majority and every candidate's votes; a winners-only file gives
 * the party alone, so swing and share change are n/a (ELECTION-RULES: a
 * baseline can be partial).
 */
import type { Seat } from '../../shared/protocol/schemas.ts';
import { rankCandidates, tiedForFirst } from '../../shared/domain/declaration.ts';
import type { SeatResult } from './hoc-candidates.ts';
import type { SeatWinner } from './winners.ts';

export interface BaselineOptions {
  /** Where the figures came from, e.g. the data file name. */
  source: string;
  /** true where the results are notional figures on new boundaries. */
  notional?: boolean;
}

export function baselineFromResults(results: readonly SeatResult[], options: BaselineOptions): Seat[] {
  return results.map((result): Seat => {
    if (tiedForFirst(result.candidates).length > 0) {
      // A past tie was settled by lot, and the results file does not say how.
      throw new Error(
        `${options.source}: ${result.name} (${result.code}) has a tie for first place; its winner cannot be read from the votes`,
      );
    }
    const [winner, runnerUp] = rankCandidates(result.candidates);
    return {
      code: result.code,
      name: result.name,
      baseline: {
        party: winner.party,
        mp: winner.name,
        majority: winner.votes - (runnerUp?.votes ?? 0),
        votes: result.candidates.map((c) => ({ party: c.party, votes: c.votes, name: c.name })),
        ...(options.notional ? { notional: true } : {}),
      },
      notes: [],
      source: options.source,
    };
  });
}

export interface WinnersBaselineOptions extends BaselineOptions {
  /** Seat names by code (a winners file has none); the code stands in where a name is unknown. */
  names?: ReadonlyMap<string, string>;
}

export function baselineFromWinners(winners: readonly SeatWinner[], options: WinnersBaselineOptions): Seat[] {
  return winners.map((w): Seat => ({
    code: w.code,
    name: options.names?.get(w.code) ?? w.code,
    baseline: { party: w.party, ...(options.notional ? { notional: true } : {}) },
    notes: [],
    source: options.source,
  }));
}
