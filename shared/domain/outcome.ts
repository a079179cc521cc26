/** One seat's outcome: what a declaration means against the baseline (ELECTION-RULES). */
import type { CandidateResult, DeclarationInput, Outcome, PartyContinuity, ResultLabel, SeatBaseline, Swing } from '../protocol/schemas.ts';
import { rankCandidates, sumVotes, tiedForFirst } from './declaration.ts';
import { percent, round2 } from './figures.ts';
import { canonicalParty, INDEPENDENT, samePerson, SPEAKER } from './party.ts';
import { butlerSwing } from './swing.ts';

type DeclaredFigures = Pick<DeclarationInput, 'candidates' | 'electorate' | 'winnerByLot'>;

export interface SeatOutcomeInput {
  declaration: DeclaredFigures;
  baseline: SeatBaseline;
  continuity: PartyContinuity;
}

/** Baseline votes by counted party; independents are kept apart by name. */
function baselineVotesByParty(baseline: SeatBaseline, continuity: PartyContinuity) {
  if (!baseline.votes || baseline.votes.length === 0) return null;
  const total = sumVotes(baseline.votes);
  if (total === 0) return null;
  const byParty = new Map<string, number>();
  for (const v of baseline.votes) {
    if (v.party === INDEPENDENT) continue;
    const party = canonicalParty(v.party, continuity);
    byParty.set(party, (byParty.get(party) ?? 0) + v.votes);
  }
  return { total, byParty };
}

function baselineShareOf(candidate: { name: string; party: string }, baseline: SeatBaseline, continuity: PartyContinuity): number | null {
  const base = baselineVotesByParty(baseline, continuity);
  if (!base) return null;
  if (candidate.party === INDEPENDENT) {
    // The same independent standing again is comparable; another person under the label is not.
    const same = baseline.votes!.find((v) => v.party === INDEPENDENT && samePerson(v.name, candidate.name));
    return same ? (same.votes / base.total) * 100 : null;
  }
  const votes = base.byParty.get(canonicalParty(candidate.party, continuity));
  return votes === undefined ? null : (votes / base.total) * 100;
}

export function resultLabel(winner: { name: string; party: string }, baseline: SeatBaseline, continuity: PartyContinuity): ResultLabel {
  const party = canonicalParty(winner.party, continuity);
  const from = baseline.party === null ? null : canonicalParty(baseline.party, continuity);
  let hold = party === from;
  if (hold && party === INDEPENDENT && baseline.mp !== undefined) {
    // ELECTION-RULES: "Ind HOLD" only where the same person held the seat. A winners-only baseline
    // names nobody; there we follow the Library, which reads North Down 2017 against 2015 as "Ind hold".
    hold = samePerson(winner.name, baseline.mp);
  }
  if (hold) return { kind: 'HOLD', party, from, text: `${party} HOLD` };
  return {
    kind: 'GAIN',
    party,
    from,
    text: from === null ? `${party} GAIN (seat was vacant)` : `${party} GAIN from ${from}`,
  };
}

/** Butler swing between this result's top two parties, where both have baseline shares. */
function seatSwing(
  ranked: readonly { name: string; party: string; votes: number }[],
  validVotes: number,
  baseline: SeatBaseline,
  continuity: PartyContinuity,
): Swing | null {
  if (ranked.length < 2 || validVotes === 0) return null;
  const [first, second] = ranked;
  if (first.party === INDEPENDENT || second.party === INDEPENDENT) return null;
  const a = canonicalParty(first.party, continuity);
  const b = canonicalParty(second.party, continuity);
  // ELECTION-RULES: the Speaker is not a party, so there is no two-party swing with the Speaker.
  if (a === b || a === SPEAKER || b === SPEAKER) return null;
  const aBefore = baselineShareOf(first, baseline, continuity);
  const bBefore = baselineShareOf(second, baseline, continuity);
  if (aBefore === null || bBefore === null) return null;
  const swing = butlerSwing(
    { party: a, before: aBefore, now: (first.votes / validVotes) * 100 },
    { party: b, before: bBefore, now: (second.votes / validVotes) * 100 },
  );
  return { ...swing, points: round2(swing.points) };
}

export function seatOutcome({ declaration, baseline, continuity }: SeatOutcomeInput): Outcome {
  const validVotes = sumVotes(declaration.candidates);
  const ranked = rankCandidates(declaration.candidates);
  const tied = tiedForFirst(declaration.candidates);
  const decidedByLot = tied.length > 0 && declaration.winnerByLot !== undefined;
  const winner = decidedByLot ? ranked.find((c) => c.name === declaration.winnerByLot)! : ranked[0];
  const others = ranked.filter((c) => c !== winner);
  const runnerUp = others[0] ?? null;
  const majority = winner.votes - (runnerUp?.votes ?? 0);

  const candidates: CandidateResult[] = ranked.map((c) => {
    const share = validVotes === 0 ? 0 : percent(c.votes, validVotes);
    const before = baselineShareOf(c, baseline, continuity);
    return { ...c, share, shareChange: before === null ? null : round2(share - before) };
  });

  const turnout = declaration.electorate && declaration.electorate > 0 ? percent(validVotes, declaration.electorate) : null;
  const baselineTurnout =
    // ELECTION-RULES: turnout change only where both are known; an empty list of votes is not known.
    baseline.electorate && baseline.votes && baseline.votes.length > 0 ? (sumVotes(baseline.votes) / baseline.electorate) * 100 : null;

  const label = resultLabel(winner, baseline, continuity);
  const gained = label.kind === 'GAIN';
  return {
    winner,
    runnerUp,
    decidedByLot,
    majority,
    majorityPercent: validVotes === 0 ? 0 : percent(majority, validVotes),
    validVotes,
    turnout,
    turnoutChange: turnout !== null && baselineTurnout !== null ? round2(turnout - baselineTurnout) : null,
    candidates,
    label,
    swing: seatSwing([winner, ...others], validVotes, baseline, continuity),
    // ELECTION-RULES: the Speaker is not a party, so a Speaker's seat is a gain or loss for no party.
    gainFor: gained && label.party !== SPEAKER ? label.party : null,
    lossFor: gained && label.from !== null && label.from !== SPEAKER ? label.from : null,
  };
}
