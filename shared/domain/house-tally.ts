/**
 * The House's figures kept seat by seat: replacing one seat takes its old part out of the
 * running totals and puts its new part in, so a declaration costs its own candidates, not a
 * pass over every seat declared (a 650-file burst from the wire, ADR 0024). The totals are
 * whole numbers and summaryOf draws the figures from them as houseSummary does, so the two
 * agree exactly (house-tally.test.ts).
 */
import type { HouseSummary, PartyContinuity } from '../protocol/schemas.ts';
import { type DeclaredSeat, emptyHouseTotals, seatCallOf, seatVotes, summaryOf } from './party-table.ts';
import { addTurnout } from './turnout.ts';

export interface HouseTally {
  /** Puts a seat's new state in place of its old one; answers an undo (for a change whose transaction fails). */
  replace(code: string, seat: DeclaredSeat): () => void;
  summary(): HouseSummary;
}

/** Adds n to a count, dropping the key at zero. */
function bump(map: Map<string, number>, key: string, n: number) {
  const count = (map.get(key) ?? 0) + n;
  if (count === 0) map.delete(key);
  else map.set(key, count);
}

/** Adds votes to a party that stays listed while any candidate of it is counted, even on 0 votes: `refs` counts them. */
function bumpVotes(map: Map<string, number>, refs: Map<string, number>, key: string, votes: number, sign: 1 | -1) {
  const count = (refs.get(key) ?? 0) + sign;
  if (count === 0) {
    refs.delete(key);
    map.delete(key);
  } else {
    refs.set(key, count);
    map.set(key, (map.get(key) ?? 0) + votes);
  }
}

export function createHouseTally(seats: Iterable<[string, DeclaredSeat]>, totalSeats: number, continuity: PartyContinuity): HouseTally {
  const held = new Map<string, DeclaredSeat>();
  const totals = emptyHouseTotals();
  const refs = { now: new Map<string, number>(), before: new Map<string, number>() };
  let summary: HouseSummary | null = null;

  function add(seat: DeclaredSeat, sign: 1 | -1) {
    const call = seatCallOf(seat);
    if (!call) return;
    totals.called += sign;
    bump(totals.won, call.party, sign);
    if (call.gainFor) bump(totals.gains, call.gainFor, sign);
    if (call.lossFor) bump(totals.losses, call.lossFor, sign);
    if (!seat.outcome) return;
    totals.figured += sign;
    const { now, before } = seatVotes(seat, continuity);
    for (const [party, votes] of now) bumpVotes(totals.now, refs.now, party, sign * votes, sign);
    if (before === null) totals.withoutBaselineVotes += sign;
    else for (const [party, votes] of before) bumpVotes(totals.before, refs.before, party, sign * votes, sign);
    addTurnout(totals.turnout, seat, sign);
  }

  function replace(code: string, seat: DeclaredSeat): () => void {
    const old = held.get(code);
    if (old) add(old, -1);
    add(seat, 1);
    held.set(code, seat);
    summary = null;
    return () => {
      add(seat, -1);
      if (old) {
        add(old, 1);
        held.set(code, old);
      } else held.delete(code);
      summary = null;
    };
  }

  for (const [code, seat] of seats) replace(code, seat);
  return {
    replace,
    summary: () => (summary ??= summaryOf(totals, totalSeats)),
  };
}
