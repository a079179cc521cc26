/**
 * How a mayor is chosen from the whole area's figures (ELECTION-RULES: London
 * mayor). The supplementary vote, 2000 to 2021: a candidate with more than
 * half of the valid first choices wins outright; otherwise all but the top two
 * are eliminated and the second choices for either of them on the eliminated
 * ballots are added, and the higher total wins. First past the post from 2024:
 * the most votes wins. A tie is decided by lot: the declaration names who.
 */
import { rankCandidates, sumVotes } from './declaration.ts';
import { percent } from './figures.ts';

export interface Tally {
  name: string;
  party: string;
  votes: number;
}

export interface RoundTwoTally extends Tally {
  firstChoices: number;
  secondChoices: number;
}

export type MayoralDecision =
  | { kind: 'elected'; winner: Tally; byLot: boolean; round: 1 | 2 }
  /** Candidates level where only a lot can part them, and no lot named yet. */
  | { kind: 'lot-needed'; tied: string[]; round: 1 | 2 }
  /** Under SV with no outright winner: the second choices are still to be counted. */
  | { kind: 'second-round-pending' }
  | { kind: 'no-votes' };

export interface MayoralCountResult {
  validFirstChoices: number;
  /** First choices with their share of the valid first choices, most first. */
  firstRound: Array<Tally & { share: number }>;
  /** SV only: the two left in after the first round, or null (an outright win, a lot not yet drawn, FPTP). */
  topTwo: [Tally, Tally] | null;
  /** SV only: first choices plus second choices for the two left in, higher total first. */
  secondRound: RoundTwoTally[] | null;
  decision: MayoralDecision;
}

export const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Those level with the candidate at a place (0-based) in a ranked list. */
function levelWith(ranked: readonly Tally[], place: number): string[] {
  const at = ranked[place];
  return at ? ranked.filter((c) => c.votes === at.votes).map((c) => c.name) : [];
}

function pickByLot<T extends Tally>(tied: readonly string[], from: readonly T[], byLot: string | undefined): T | null {
  if (!byLot) return null;
  const chosen = from.find((c) => sameName(c.name, byLot));
  return chosen && tied.some((name) => sameName(name, byLot)) ? chosen : null;
}

/** First past the post over the whole area: the most votes wins, a tie by lot. */
export function firstPastThePost(candidates: readonly Tally[], byLot?: string): MayoralCountResult {
  const valid = sumVotes(candidates);
  const ranked = rankCandidates(candidates);
  const firstRound = ranked.map((c) => ({ ...c, share: percent(c.votes, valid) }));
  const base = { validFirstChoices: valid, firstRound, topTwo: null, secondRound: null };
  if (valid === 0) return { ...base, decision: { kind: 'no-votes' } };
  const tied = levelWith(ranked, 0);
  if (tied.length > 1) {
    const winner = pickByLot(tied, ranked, byLot);
    return { ...base, decision: winner ? { kind: 'elected', winner, byLot: true, round: 1 } : { kind: 'lot-needed', tied, round: 1 } };
  }
  return { ...base, decision: { kind: 'elected', winner: ranked[0], byLot: false, round: 1 } };
}

/**
 * The supplementary vote. secondChoices: the second choices counted for the two
 * left in (by name), or null while they are still being counted. eliminationByLot
 * names who goes through when second and third place are level; byLot names the
 * winner when the final totals are level.
 */
export function supplementaryVote(
  firstChoices: readonly Tally[],
  secondChoices: ReadonlyArray<{ name: string; votes: number }> | null,
  lots: { elimination?: string; winner?: string } = {},
): MayoralCountResult {
  const valid = sumVotes(firstChoices);
  const ranked = rankCandidates(firstChoices);
  const firstRound = ranked.map((c) => ({ ...c, share: percent(c.votes, valid) }));
  const base = { validFirstChoices: valid, firstRound, topTwo: null, secondRound: null };
  if (valid === 0) return { ...base, decision: { kind: 'no-votes' } };

  // More than half of the valid first choices: elected in the first round.
  if (ranked[0].votes * 2 > valid) return { ...base, decision: { kind: 'elected', winner: ranked[0], byLot: false, round: 1 } };

  // Elimination: the top two go through. Level at the cut (second place shared, or three level at the top) is a lot.
  const atTop = levelWith(ranked, 0);
  let topTwo: [Tally, Tally];
  if (atTop.length > 2) {
    // Three or more share first place: a lot must keep two of them. One name cannot record that, so the
    // count waits for the returning officer's declaration (never seen in a London count; flagged, not guessed).
    return { ...base, decision: { kind: 'lot-needed', tied: atTop, round: 1 } };
  }
  const atSecond = levelWith(ranked, 1);
  if (atTop.length === 1 && atSecond.length > 1) {
    const through = pickByLot(atSecond, ranked, lots.elimination);
    if (!through) return { ...base, decision: { kind: 'lot-needed', tied: atSecond, round: 1 } };
    topTwo = [ranked[0], through];
  } else {
    topTwo = [ranked[0], ranked[1]];
  }
  if (!secondChoices) return { ...base, topTwo, decision: { kind: 'second-round-pending' } };

  const secondFor = (c: Tally) => secondChoices.find((s) => sameName(s.name, c.name))?.votes ?? 0;
  const secondRound = rankCandidates(
    topTwo.map((c) => ({
      name: c.name,
      party: c.party,
      firstChoices: c.votes,
      secondChoices: secondFor(c),
      votes: c.votes + secondFor(c),
    })),
  );
  if (secondRound[0].votes === secondRound[1].votes) {
    const tied = secondRound.map((c) => c.name);
    const winner = pickByLot(tied, secondRound, lots.winner);
    return {
      ...base,
      topTwo,
      secondRound,
      decision: winner ? { kind: 'elected', winner, byLot: true, round: 2 } : { kind: 'lot-needed', tied, round: 2 },
    };
  }
  return { ...base, topTwo, secondRound, decision: { kind: 'elected', winner: secondRound[0], byLot: false, round: 2 } };
}
