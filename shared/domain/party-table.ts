/** The party table and the House figures over the seats declared so far (ELECTION-RULES: The House). */
import type {
  HouseSummary,
  Outcome,
  PartyContinuity,
  PartyTableRow,
  SeatBaseline,
  SeatRush,
  SeatState,
  Swing,
} from '../protocol/schemas.ts';
import { round2 } from './figures.ts';
import { canonicalParty, INDEPENDENT, SPEAKER } from './party.ts';
import { butlerSwing, sharesByParty } from './swing.ts';
import { addTurnout, emptyTurnoutSums, turnoutOf, type TurnoutSums } from './turnout.ts';

export interface DeclaredSeat {
  baseline: SeatBaseline;
  /** null for a seat not declared, in recount, withdrawn, or rushed (awaiting figures). */
  outcome: Outcome | null;
  /** A rushed seat's winner (ADR 0024): it counts in the seats, gains and losses, not in the votes. */
  rush?: Pick<SeatRush, 'label' | 'gainFor' | 'lossFor'>;
  /** The declaration's electorate, where the returning officer gave it. */
  electorate?: number;
}

/** A seat as the House figures read it: server and screens build it the same way, so their figures agree. */
export function declaredSeat(baseline: SeatBaseline, state: Pick<SeatState, 'outcome' | 'declaration' | 'rush'>): DeclaredSeat {
  return { baseline, outcome: state.outcome, electorate: state.declaration?.electorate, ...(state.rush && { rush: state.rush }) };
}

/** floor(seats / 2) + 1: 326 of 650. */
export function majorityLine(totalSeats: number): number {
  return Math.floor(totalSeats / 2) + 1;
}

function addTo(map: Map<string, number>, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Who won a seat and what it did to the party table: from its result, else from its rush. */
export function seatCallOf(
  seat: Pick<DeclaredSeat, 'outcome' | 'rush'>,
): { party: string; gainFor: string | null; lossFor: string | null } | null {
  const called = seat.outcome ?? seat.rush;
  return called ? { party: called.label.party, gainFor: called.gainFor, lossFor: called.lossFor } : null;
}

/** A seat's votes by counted party (its result's), and its baseline's, or null where the baseline has none. */
export function seatVotes(seat: Pick<DeclaredSeat, 'outcome' | 'baseline'>, continuity: PartyContinuity) {
  const now: Array<[string, number]> = (seat.outcome?.candidates ?? []).map((c) => [canonicalParty(c.party, continuity), c.votes]);
  const votes = seat.baseline.votes;
  const before: Array<[string, number]> | null =
    !votes || votes.length === 0 ? null : votes.map((v) => [canonicalParty(v.party, continuity), v.votes]);
  return { now, before };
}

/**
 * The House's running totals, from which its figures are drawn. houseSummary adds them up over
 * every seat; the server's tally (house-tally.ts) keeps them seat by seat. Every figure is a
 * whole number until summaryOf, so both ways give the same House to the bit.
 */
export interface HouseTotals {
  won: Map<string, number>;
  gains: Map<string, number>;
  losses: Map<string, number>;
  /** Votes by counted party over the seats with figures; a party is present while any candidate of it is. */
  now: Map<string, number>;
  /** The same seats' baseline votes: usable only while every one of them has baseline votes. */
  before: Map<string, number>;
  /** Seats with a winner: results and rushes. */
  called: number;
  /** Seats with figures. */
  figured: number;
  /** Seats with figures whose baseline has no votes (then there is no change in share, and no national swing). */
  withoutBaselineVotes: number;
  turnout: TurnoutSums;
}

/** Totals with no seat in them: the start of a count, whole or seat by seat (house-tally.ts). */
export function emptyHouseTotals(): HouseTotals {
  return {
    won: new Map(),
    gains: new Map(),
    losses: new Map(),
    now: new Map(),
    before: new Map(),
    called: 0,
    figured: 0,
    withoutBaselineVotes: 0,
    turnout: emptyTurnoutSums(),
  };
}

function totalsOf(seats: readonly DeclaredSeat[], continuity: PartyContinuity): HouseTotals {
  const totals = emptyHouseTotals();
  for (const seat of seats) {
    const call = seatCallOf(seat);
    if (!call) continue;
    totals.called++;
    addTo(totals.won, call.party, 1);
    if (call.gainFor) addTo(totals.gains, call.gainFor, 1);
    if (call.lossFor) addTo(totals.losses, call.lossFor, 1);
    if (!seat.outcome) continue;
    totals.figured++;
    const { now, before } = seatVotes(seat, continuity);
    for (const [party, votes] of now) addTo(totals.now, party, votes);
    if (before === null) totals.withoutBaselineVotes++;
    else for (const [party, votes] of before) addTo(totals.before, party, votes);
    addTurnout(totals.turnout, seat, 1);
  }
  return totals;
}

type Votes = { now: ReadonlyMap<string, number>; before: ReadonlyMap<string, number> | null };

const votesOf = (totals: HouseTotals): Votes => ({
  now: totals.now,
  before: totals.figured > 0 && totals.withoutBaselineVotes === 0 ? totals.before : null,
});

function rowsOf(totals: HouseTotals): PartyTableRow[] {
  const { now, before } = votesOf(totals);
  const shareNow = sharesByParty(now);
  const shareBefore = before ? sharesByParty(before) : null;
  const parties = new Set([...totals.won.keys(), ...totals.losses.keys(), ...now.keys()]);
  const rows = [...parties].map((party): PartyTableRow => {
    const g = totals.gains.get(party) ?? 0;
    const l = totals.losses.get(party) ?? 0;
    const share = shareNow.get(party) ?? 0;
    return {
      party,
      seats: totals.won.get(party) ?? 0,
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

/** The party table: seats, gains and losses over the seats with a winner (a rush counts), votes over those with figures. */
export function partyTable(seats: readonly DeclaredSeat[], continuity: PartyContinuity): PartyTableRow[] {
  return rowsOf(totalsOf(seats, continuity));
}

function swingOf({ now, before }: Votes): Swing | null {
  if (!before) return null;
  // ELECTION-RULES: independents and the Speaker are not parties, so they are never one side of the swing.
  // Level votes are ordered by code, so the answer does not hang on the order seats were added in.
  const leaders = [...now.entries()]
    .filter(([p]) => p !== INDEPENDENT && p !== SPEAKER)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
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

/** Butler swing between the two leading parties on the declared seats' votes, where all have baseline votes. */
export function nationalSwing(seats: readonly DeclaredSeat[], continuity: PartyContinuity): Swing | null {
  return swingOf(votesOf(totalsOf(seats, continuity)));
}

/** The House's figures from its totals. */
export function summaryOf(totals: HouseTotals, totalSeats: number): HouseSummary {
  return {
    partyTable: rowsOf(totals),
    declared: totals.called,
    totalSeats,
    majorityLine: majorityLine(totalSeats),
    nationalSwing: swingOf(votesOf(totals)),
    turnout: turnoutOf(totals.turnout),
  };
}

export function houseSummary(seats: readonly DeclaredSeat[], totalSeats: number, continuity: PartyContinuity): HouseSummary {
  return summaryOf(totalsOf(seats, continuity), totalSeats);
}
