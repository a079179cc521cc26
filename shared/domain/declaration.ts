/**
 * Glossary, in the newsroom's words:
 * - seat: one constituency (or, for the mayoralty, London as a whole).
 * - baseline: what we compare against: the previous general election on the
 *   same boundaries, or its notional result on new ones.
 * - declaration: the result a returning officer reads out; stored as a version.
 * - outcome: what follows from a declaration against the baseline: winner,
 *   majority, shares, HOLD/GAIN, swing.
 * - party table: seats, gains, losses, net, votes and share by party.
 * - majority line: the seats a party needs for a majority of the House.
 *
 * This module checks a declaration beyond its schema: the rules that need
 * the candidates taken together.
 */
import type { FieldProblem } from '../protocol/http-replies.ts';
import type { DeclarationInput } from '../protocol/schemas.ts';

export type { FieldProblem } from '../protocol/http-replies.ts';

/** ELECTION-RULES: independents (and others) are many people under one label, so they may repeat. */
const MAY_REPEAT = new Set(['Ind', 'Oth']);

type DeclarationFigures = Pick<DeclarationInput, 'candidates' | 'validVotes' | 'winnerByLot' | 'secondRound'>;

export function sumVotes(candidates: readonly { votes: number }[]): number {
  return candidates.reduce((total, c) => total + c.votes, 0);
}

/** The candidates in order of votes, most first; a stable order for equal votes. */
export function rankCandidates<T extends { votes: number }>(candidates: readonly T[]): T[] {
  return candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => b.candidate.votes - a.candidate.votes || a.index - b.index)
    .map(({ candidate }) => candidate);
}

/** Names of the candidates tied for first place, or [] where there is a clear winner. */
export function tiedForFirst(candidates: readonly { name: string; votes: number }[]): string[] {
  const ranked = rankCandidates(candidates);
  if (ranked.length < 2 || ranked[0].votes !== ranked[1].votes) return [];
  return ranked.filter((c) => c.votes === ranked[0].votes).map((c) => c.name);
}

/** Problems a well-typed declaration can still have; [] when it is sound. */
export function declarationProblems(declaration: DeclarationFigures): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { candidates } = declaration;
  if (candidates.length === 0) {
    problems.push({ path: 'candidates', message: 'must list at least one candidate' });
    return problems;
  }
  const seenParty = new Map<string, number>();
  candidates.forEach((c, i) => {
    const earlier = seenParty.get(c.party);
    if (earlier !== undefined && !MAY_REPEAT.has(c.party)) {
      problems.push({
        path: `candidates[${i}].party`,
        message: `${c.party} is listed twice (also candidates[${earlier}]); only independents may repeat`,
      });
    }
    if (earlier === undefined) seenParty.set(c.party, i);
  });
  const total = sumVotes(candidates);
  if (declaration.validVotes !== undefined && declaration.validVotes !== total) {
    problems.push({
      path: 'validVotes',
      message: `the candidates' votes add up to ${total}, not ${declaration.validVotes}`,
    });
  }
  const tied = tiedForFirst(candidates);
  if (tied.length > 0 && declaration.winnerByLot === undefined) {
    problems.push({
      path: 'winnerByLot',
      message: `${tied.join(' and ')} tie for first place: name the winner decided by lot`,
    });
  }
  if (declaration.winnerByLot !== undefined && !tied.includes(declaration.winnerByLot)) {
    problems.push({
      path: 'winnerByLot',
      message:
        tied.length === 0
          ? 'is only for a tie for first place, and this result has a clear winner'
          : `must be one of the tied candidates: ${tied.join(', ')}`,
    });
  }
  // The supplementary vote's second round: second choices only for candidates on this ballot, each once.
  const named = new Set<string>();
  declaration.secondRound?.forEach((s, i) => {
    const name = s.name.trim().toLowerCase();
    if (!candidates.some((c) => c.name.trim().toLowerCase() === name)) {
      problems.push({ path: `secondRound[${i}].name`, message: `${s.name} is not one of the candidates` });
    } else if (named.has(name)) {
      problems.push({ path: `secondRound[${i}].name`, message: `${s.name} is given second choices twice` });
    }
    named.add(name);
  });
  return problems;
}
