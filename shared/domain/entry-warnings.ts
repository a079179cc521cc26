/**
 * Warnings an editor should look at twice before publishing: nothing here
 * stops a result (declarationProblems does that), but each is a common
 * slip at 3 a.m. or a result that needs a second look at the source.
 */
import type { SeatStatus } from '../protocol/schemas.ts';
import { rankCandidates, sumVotes } from './declaration.ts';
import { formatNumber, formatPercent } from './figures.ts';

export interface EntryWarning {
  code: 'votes-above-electorate' | 'turnout-above-100' | 'turnout-low' | 'party-twice' | 'small-majority' | 'already-declared' | 'recount';
  message: string;
}

export interface EntryFigures {
  candidates: readonly { name: string; party: string; votes: number }[];
  electorate?: number;
  rejected?: number;
  /** The seat as it stands before this entry. */
  seat: { status: SeatStatus; version: number };
}

/** Below this turnout a figure has probably lost a digit (the lowest UK turnout since 1945 is above 35%). */
export const LOW_TURNOUT_PERCENT = 20;
/** A majority below either of these is close enough for a recount to be likely. */
export const SMALL_MAJORITY_VOTES = 50;
export const SMALL_MAJORITY_PERCENT = 0.1;

const MAY_REPEAT = new Set(['Ind', 'Oth']);

export function entryWarnings({ candidates, electorate, rejected, seat }: EntryFigures): EntryWarning[] {
  const warnings: EntryWarning[] = [];
  if (seat.status === 'declared') {
    warnings.push({
      code: 'already-declared',
      message: `This seat is already declared (version ${seat.version}): this will be a correction and needs a reason`,
    });
  } else if (seat.status === 'recount') {
    warnings.push({ code: 'recount', message: 'This seat is in recount: publish only the result declared after it' });
  }
  const valid = sumVotes(candidates);
  if (electorate !== undefined && electorate > 0) {
    const turnout = (valid / electorate) * 100;
    if (valid > electorate) {
      warnings.push({
        code: 'turnout-above-100',
        message:
          `Turnout is ${formatPercent(turnout)}: the votes (${formatNumber(valid)}) are more than the electorate ` +
          `(${formatNumber(electorate)})`,
      });
    } else if (valid + (rejected ?? 0) > electorate) {
      warnings.push({
        code: 'votes-above-electorate',
        message:
          `Valid votes and rejected ballots (${formatNumber(valid + (rejected ?? 0))}) are more than the electorate ` +
          `(${formatNumber(electorate)})`,
      });
    } else if (valid > 0 && turnout < LOW_TURNOUT_PERCENT) {
      warnings.push({ code: 'turnout-low', message: `Turnout is only ${formatPercent(turnout)}: check the electorate and the votes` });
    }
  }
  const seen = new Set<string>();
  for (const c of candidates) {
    const party = c.party.trim();
    if (party === '') continue;
    if (seen.has(party) && !MAY_REPEAT.has(party)) {
      warnings.push({ code: 'party-twice', message: `${party} is listed twice` });
    }
    seen.add(party);
  }
  const ranked = rankCandidates(candidates);
  if (ranked.length >= 2 && valid > 0) {
    const majority = ranked[0].votes - ranked[1].votes;
    const percent = (majority / valid) * 100;
    if (majority < SMALL_MAJORITY_VOTES || percent < SMALL_MAJORITY_PERCENT) {
      warnings.push({
        code: 'small-majority',
        message: `The majority is only ${formatNumber(majority)} (${percent.toFixed(2)}%): a recount is possible; check it was not called`,
      });
    }
  }
  return warnings;
}
