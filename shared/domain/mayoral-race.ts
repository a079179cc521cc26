/**
 * The mayoral count as it stands (ELECTION-RULES: London mayor): the running
 * totals and shares over the areas declared, the gap and whether it can still
 * be closed, the result once the whole area is in, and HOLD/GAIN of the
 * mayoralty. Computed from the figures every screen holds (ADR 0020).
 */
import type { MayoralCount, PartyContinuity, SeatState } from '../protocol/schemas.ts';
import { rankCandidates, sumVotes } from './declaration.ts';
import { percent } from './figures.ts';
import { canonicalParty } from './party.ts';
import { firstPastThePost, sameName, supplementaryVote, type MayoralCountResult, type Tally } from './supplementary-vote.ts';
import { formatNumber } from './figures.ts';

export interface AreaFigures {
  code: string;
  name: string;
  /** null until the area declares (or after a recount is called or a withdrawal). */
  candidates: Tally[] | null;
  /** SV: the second choices this area counted for the two left in, if it has given them. */
  secondRound: Array<{ name: string; votes: number }> | null;
}

export interface MayoralRace {
  areasTotal: number;
  areasDeclared: number;
  /** First choices (FPTP: votes) added up over the declared areas, with shares of their sum, most first. */
  totals: Array<Tally & { share: number }>;
  /** SV: second choices added up over the declared areas that gave them, by name. */
  secondChoices: Array<{ name: string; votes: number }>;
  leader: Tally | null;
  runnerUp: Tally | null;
  /** The leader's lead over the runner-up on the figures so far (SV: first plus second choices where counted). */
  gap: number;
  /** At most this many votes can still come to any one candidate; null where no bound is known. */
  stillToCome: number | null;
  /** true: no candidate can now catch the leader. false: one still can. null: no bound to tell. */
  decided: boolean | null;
  /** The count over all the areas, once every area has declared; null before. */
  areasResult: MayoralCountResult | null;
  /** The whole-area declaration (the Greater London Returning Officer's), once made. */
  declaredResult: MayoralCountResult | null;
  /** Where the whole-area declaration's first choices differ from the areas' sum: the names. */
  mismatches: string[];
  label: { kind: 'HOLD' | 'GAIN'; party: string; from: string; text: string } | null;
  line: string;
}

const key = (c: Tally) => `${c.name.trim().toLowerCase()}|${c.party}`;
/** "Sadiq Khan" -> "Khan": the name a line uses. */
export const surname = (name: string) => name.trim().split(/\s+/).at(-1) ?? name;

/** First choices summed per candidate (name and party) over the areas given. */
export function runningTotals(areas: readonly AreaFigures[]): Array<Tally & { share: number }> {
  const sums = new Map<string, Tally>();
  for (const area of areas) {
    for (const c of area.candidates ?? []) {
      const held = sums.get(key(c));
      if (held) held.votes += c.votes;
      else sums.set(key(c), { name: c.name.trim(), party: c.party, votes: c.votes });
    }
  }
  const ranked = rankCandidates([...sums.values()]);
  const total = sumVotes(ranked);
  return ranked.map((c) => ({ ...c, share: total === 0 ? 0 : percent(c.votes, total) }));
}

function secondChoicesOver(areas: readonly AreaFigures[]): Array<{ name: string; votes: number }> {
  const sums: Array<{ name: string; votes: number }> = [];
  for (const s of areas.flatMap((a) => a.secondRound ?? [])) {
    const held = sums.find((x) => sameName(x.name, s.name));
    if (held) held.votes += s.votes;
    else sums.push({ name: s.name.trim(), votes: s.votes });
  }
  return sums;
}

/**
 * The most first choices (FPTP: votes) still to come to any one candidate: each
 * ballot still to come gives at most one to one candidate. Bounded by the
 * electorate of every undeclared area (all must be known), and by the ballots
 * cast across the whole area less the votes already declared; the smaller
 * bound wins. null where neither is known.
 */
export function votesStillToCome(areas: readonly AreaFigures[], count: Pick<MayoralCount, 'electorates' | 'ballotsCast'>): number | null {
  const undeclared = areas.filter((a) => !a.candidates);
  const declared = areas.filter((a) => a.candidates);
  const bounds: number[] = [];
  const electorates = undeclared.map((a) => count.electorates?.[a.code]);
  if (electorates.every((e) => e !== undefined)) bounds.push(electorates.reduce((t: number, e) => t + e!, 0));
  if (count.ballotsCast !== undefined) bounds.push(Math.max(0, count.ballotsCast - sumVotes(declared.flatMap((a) => a.candidates!))));
  return bounds.length === 0 ? null : Math.min(...bounds);
}

/**
 * SV: ballots in declared areas that have not yet given their second choices and
 * whose first choice was for neither of the top two: each may still transfer.
 */
export function transfersStillToCount(areas: readonly AreaFigures[], topTwo: readonly string[]): number {
  return sumVotes(
    areas
      .filter((a) => a.candidates && !a.secondRound)
      .flatMap((a) => a.candidates!.filter((c) => !topTwo.some((t) => sameName(t, c.name)))),
  );
}

/** HOLD/GAIN of the mayoralty against the mayor in office (party continuity applies). */
export function mayoraltyLabel(winnerParty: string, mayorParty: string, continuity: PartyContinuity): MayoralRace['label'] {
  const hold = canonicalParty(winnerParty, continuity) === canonicalParty(mayorParty, continuity);
  return hold
    ? { kind: 'HOLD', party: winnerParty, from: mayorParty, text: `${winnerParty} HOLD` }
    : { kind: 'GAIN', party: winnerParty, from: mayorParty, text: `${winnerParty} GAIN from ${mayorParty}` };
}

function countOf(
  count: MayoralCount,
  firstChoices: readonly Tally[],
  secondRound: Array<{ name: string; votes: number }> | null,
  byLot?: string,
) {
  return count.votingSystem === 'sv'
    ? supplementaryVote(firstChoices, secondRound, { elimination: byLot, winner: byLot })
    : firstPastThePost(firstChoices, byLot);
}

export interface MayoralRaceInput {
  count: MayoralCount;
  seatStates: readonly SeatState[];
  continuity: PartyContinuity;
}

/** The areas of a mayoral election (every seat but the whole-area one), as their figures stand. */
export function areaFigures(count: MayoralCount, seatStates: readonly SeatState[]): AreaFigures[] {
  return seatStates
    .filter((s) => s.code !== count.wholeArea)
    .map((s) => {
      const d = s.status === 'declared' ? s.declaration : null;
      return { code: s.code, name: s.name, candidates: d ? d.candidates : null, secondRound: d?.secondRound ?? null };
    });
}

export function mayoralRace({ count, seatStates, continuity }: MayoralRaceInput): MayoralRace {
  const areas = areaFigures(count, seatStates);
  const declaredAreas = areas.filter((a) => a.candidates);
  const totals = runningTotals(declaredAreas);
  const secondChoices = count.votingSystem === 'sv' ? secondChoicesOver(declaredAreas) : [];
  const secondOf = (c: Tally) => secondChoices.find((s) => sameName(s.name, c.name))?.votes ?? 0;
  // The standing on the figures so far: first choices plus any second choices counted.
  const standing = rankCandidates(totals.map((c) => ({ name: c.name, party: c.party, votes: c.votes + secondOf(c) })));
  const [leader = null, runnerUp = null] = standing;
  const gap = leader ? leader.votes - (runnerUp?.votes ?? 0) : 0;
  const allIn = areas.length > 0 && declaredAreas.length === areas.length;

  const firstChoicesToCome = votesStillToCome(areas, count);
  const sv = count.votingSystem === 'sv';
  const transfers = sv
    ? transfersStillToCount(
        areas,
        totals.slice(0, 2).map((c) => c.name),
      )
    : 0;
  const stillToCome = firstChoicesToCome === null ? null : firstChoicesToCome + transfers;
  // Under SV the leader must also be sure of a place in the top two: a first-choice lead over third beyond the first choices to come.
  // (at most one other candidate may still pass the leader's first choices).
  const others = leader ? totals.filter((t) => key(t) !== key(leader)) : [];
  const leaderFirst = leader ? (totals.find((t) => key(t) === key(leader))?.votes ?? 0) : 0;
  const firstChoiceLead = others.length > 1 ? leaderFirst - others[1].votes : Infinity;
  const decided =
    !leader || stillToCome === null || firstChoicesToCome === null
      ? null
      : gap > stillToCome && (!sv || firstChoiceLead > firstChoicesToCome);

  const areasResult = allIn
    ? countOf(count, totals, count.votingSystem === 'sv' && declaredAreas.every((a) => a.secondRound) ? secondChoices : null)
    : null;

  const whole = seatStates.find((s) => s.code === count.wholeArea);
  const wholeDeclaration = whole?.status === 'declared' ? whole.declaration : null;
  const declaredResult = wholeDeclaration
    ? countOf(count, wholeDeclaration.candidates, wholeDeclaration.secondRound ?? null, wholeDeclaration.winnerByLot)
    : null;
  const mismatches =
    wholeDeclaration && allIn
      ? wholeDeclaration.candidates.filter((c) => (totals.find((t) => key(t) === key(c))?.votes ?? 0) !== c.votes).map((c) => c.name)
      : [];

  const decision = declaredResult?.decision;
  const label = decision?.kind === 'elected' ? mayoraltyLabel(decision.winner.party, count.mayor.party, continuity) : null;
  const race = {
    areasTotal: areas.length,
    areasDeclared: declaredAreas.length,
    leader,
    runnerUp,
    gap,
    stillToCome,
    decided,
    declaredResult,
  };
  return { ...race, totals, secondChoices, areasResult, mismatches, label, line: mayoralLine(race, label) };
}

type LineFigures = Pick<MayoralRace, 'areasTotal' | 'areasDeclared' | 'leader' | 'runnerUp' | 'gap' | 'decided' | 'declaredResult'>;

/** The copy-ready line: "Khan leads by 275,828 with all 14 areas declared". */
export function mayoralLine(race: LineFigures, label: MayoralRace['label']): string {
  const decision = race.declaredResult?.decision;
  if (decision?.kind === 'elected') {
    const w = decision.winner;
    const second = race.declaredResult!.secondRound;
    const figures = second
      ? `after second choices ${second.map((c) => `${surname(c.name)} ${formatNumber(c.votes)}`).join(', ')}`
      : race
          .declaredResult!.firstRound.slice(0, 2)
          .map((c) => `${surname(c.name)} ${formatNumber(c.votes)}`)
          .join(', ');
    return `${w.name} (${w.party}) is elected mayor${decision.byLot ? ' by lot' : ''}: ${label!.text}; ${figures}`;
  }
  if (!race.leader) return 'No areas declared yet';
  const areas =
    race.areasDeclared === race.areasTotal
      ? `all ${race.areasTotal} areas declared`
      : `${race.areasDeclared} of ${race.areasTotal} areas declared`;
  if (!race.runnerUp || race.gap === 0) {
    return race.runnerUp
      ? `${surname(race.leader.name)} and ${surname(race.runnerUp.name)} level with ${areas}`
      : `${surname(race.leader.name)} leads with ${areas}`;
  }
  const leads = `${surname(race.leader.name)} leads by ${formatNumber(race.gap)} with ${areas}`;
  return race.decided && race.areasDeclared < race.areasTotal ? `${leads}, and cannot now be caught` : leads;
}
