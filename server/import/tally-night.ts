/**
 * A whole night computed from files: every result against its baseline,
 * through the same shared/domain functions the live system uses, so tests,
 * the tally command and replay checks agree with the screens.
 */
import type { HouseSummary, Outcome, PartyContinuity, Seat } from '../../shared/protocol/schemas.ts';
import { houseSummary } from '../../shared/domain/party-table.ts';
import { seatOutcome } from '../../shared/domain/outcome.ts';
import { readBaselineFile, type BaselineLayout } from './baseline-file.ts';
import { readHocCandidates, type SeatResult } from './hoc-candidates.ts';
import { defaultContinuity } from './party-continuity.ts';

export interface SeatTally {
  code: string;
  name: string;
  baseline: Seat['baseline'];
  outcome: Outcome;
}

export interface NightTally {
  house: HouseSummary;
  seats: SeatTally[];
}

export interface TallyNightInput {
  baseline: readonly Seat[];
  results: readonly SeatResult[];
  continuity: PartyContinuity;
  /** Seats in the House; defaults to the larger of the two files' seat counts. */
  totalSeats?: number;
}

/** Names a few missing seats and says how many more, so the message stays short. */
function listSome(results: readonly SeatResult[]): string {
  const shown = results
    .slice(0, 5)
    .map((r) => `${r.name} (${r.code})`)
    .join(', ');
  return results.length > 5 ? `${shown} and ${results.length - 5} more` : shown;
}

export function tallyNight({ baseline, results, continuity, totalSeats }: TallyNightInput): NightTally {
  const baselineByCode = new Map(baseline.map((seat) => [seat.code, seat]));
  const unmatched = results.filter((r) => !baselineByCode.has(r.code));
  if (unmatched.length > 0) {
    // A seat without a baseline would read as a gain from nobody: refuse rather than mislabel.
    throw new Error(`${unmatched.length} result seats have no baseline: ${listSome(unmatched)}. Are the two files on the same boundaries?`);
  }
  const seats = results.map((result): SeatTally => {
    const seatBaseline = baselineByCode.get(result.code)!.baseline;
    const outcome = seatOutcome({ declaration: { candidates: result.candidates }, baseline: seatBaseline, continuity });
    return { code: result.code, name: result.name, baseline: seatBaseline, outcome };
  });
  const house = houseSummary(seats, totalSeats ?? Math.max(results.length, baseline.length), continuity);
  return { house, seats };
}

export interface TallyFilesInput {
  baselinePath: string;
  resultsPath: string;
  continuity?: PartyContinuity;
  totalSeats?: number;
}

export interface NightFromFiles extends NightTally {
  baselineLayout: BaselineLayout;
  /** Problems in the files that did not stop the tally, e.g. a seat name spelt two ways. */
  warnings: string[];
}

export function tallyNightFromFiles(input: TallyFilesInput): NightFromFiles {
  const warnings: string[] = [];
  const results = readHocCandidates(input.resultsPath, { warnings });
  // Winners files carry no seat names: take them from the results.
  const names = new Map(results.map((r) => [r.code, r.name]));
  const { layout, seats } = readBaselineFile(input.baselinePath, { names, warnings });
  const night = tallyNight({
    baseline: seats,
    results,
    continuity: input.continuity ?? defaultContinuity(),
    totalSeats: input.totalSeats,
  });
  return { ...night, baselineLayout: layout, warnings };
}
