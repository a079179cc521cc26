/** The party table and the House figures over the seats declared so far (ELECTION-RULES: The House). */
import type {
  HouseSummary,
  Outcome,
  PartyContinuity,
  PartyTableRow,
  SeatBaseline,
  SeatState,
  Swing,
} from '../protocol/schemas.ts';
import { round2 } from './figures.ts';
import { canonicalParty, INDEPENDENT, SPEAKER } from './party.ts';
import { butlerSwing, sharesByParty } from './swing.ts';
import { houseTurnout } from './turnout.ts';

export interface DeclaredSeat {
  baseline: SeatBaseline;
  /** null for a seat not declared, in recount, or withdrawn. */
  outcome: Outcome | null;
  /** The declaration's electorate, where the returning officer gave it. */
  electorate?: number;
}

/** A seat as the House figures read it: server and screens build it the same way, so their figures agree. */
export function declaredSeat(baseline: SeatBaseline, state: Pick<SeatState, 'outcome' | 'declaration'>): DeclaredSeat {
  return { baseline, outcome: state.outcome, electorate: state.declaration?.electorate };
}

/** floor(seats / 2) + 1: 326 of 650. */
export function majorityLine(totalSeats: number): number {
  return Math.floor(totalSeats / 2) + 1;
}

function addTo(map: Map<string, number>, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Votes by counted party now, and in the baseline where every declared seat has baseline votes. */
function votesNowAndBefore(declared: readonly DeclaredSeat[], continuity: PartyContinuity) {
  const now = new Map<string, number>();
  const before = new Map<string, number>();
  let comparable = declared.length > 0;
  for (const { baseline, outcome } of declared) {
    for (const c of outcome!.candidates) addTo(now, canonicalParty(c.party, continuity), c.votes);
    if (!baseline.votes || baseline.votes.length === 0) comparable = false;
    else for (const v of baseline.votes) addTo(before, canonicalParty(v.party, continuity), v.votes);
  }
  return { now, before: comparable ? before : null };
}

type Votes = ReturnType<typeof votesNowAndBefore>;

export function partyTable(seats: readonly DeclaredSeat[], continuity: PartyContinuity, votes?: Votes): PartyTableRow[] {
  const declared = seats.filter((s) => s.outcome !== null);
  const won = new Map<string, number>();
  const gains = new Map<string, number>();
  const losses = new Map<string, number>();
  for (const { outcome } of declared) {
    addTo(won, outcome!.label.party, 1);
    if (outcome!.gainFor) addTo(gains, outcome!.gainFor, 1);
    if (outcome!.lossFor) addTo(losses, outcome!.lossFor, 1);
  }
  const { now, before } = votes ?? votesNowAndBefore(declared, continuity);
  const shareNow = sharesByParty(now);
  const shareBefore = before ? sharesByParty(before) : null;
  const parties = new Set([...won.keys(), ...losses.keys(), ...now.keys()]);
  const rows = [...parties].map((party): PartyTableRow => {
    const g = gains.get(party) ?? 0;
    const l = losses.get(party) ?? 0;
    const share = shareNow.get(party) ?? 0;
    return {
      party,
      seats: won.get(party) ?? 0,
      gains: g,
      losses: l,
      net: g - l,
      votes: now.get(party) ?? 0,
      share: round2(share),
      shareChange: shareBefore ? round2(share - (shareBefore.get(party) ?? 0)) : null,
    };
  });
  return rows.sort((a, b) => b.seats - a.seats || b.votes - a.votes || a.party.localeCompare(b.party));
}

/** Butler swing between the two leading parties on the declared seats' votes, where all have baseline votes. */
export function nationalSwing(seats: readonly DeclaredSeat[], continuity: PartyContinuity, votes?: Votes): Swing | null {
  const declared = seats.filter((s) => s.outcome !== null);
  const { now, before } = votes ?? votesNowAndBefore(declared, continuity);
  if (!before) return null;
  // ELECTION-RULES: independents and the Speaker are not parties, so they are never one side of the swing.
  const leaders = [...now.entries()]
    .filter(([p]) => p !== INDEPENDENT && p !== SPEAKER)
    .sort((a, b) => b[1] - a[1]);
  if (leaders.length < 2) return null;
  const shareNow = sharesByParty(now);
  const shareBefore = sharesByParty(before);
  const [a, b] = leaders.map(([party]) => party);
  if (!shareBefore.has(a) || !shareBefore.has(b)) return null;
  const swing = butlerSwing(
    { party: a, before: shareBefore.get(a)!, now: shareNow.get(a)! },
    { party: b, before: shareBefore.get(b)!, now: shareNow.get(b)! },
  );
  return { ...swing, points: round2(swing.points) };
}

export function houseSummary(
  seats: readonly DeclaredSeat[],
  totalSeats: number,
  continuity: PartyContinuity,
): HouseSummary {
  const declared = seats.filter((s) => s.outcome !== null);
  // Both the table and the swing read the same vote totals: counted once.
  const votes = votesNowAndBefore(declared, continuity);
  return {
    partyTable: partyTable(declared, continuity, votes),
    declared: declared.length,
    totalSeats,
    majorityLine: majorityLine(totalSeats),
    nationalSwing: nationalSwing(declared, continuity, votes),
    turnout: houseTurnout(declared),
  };
}
