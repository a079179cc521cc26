/**
 * Each party's target list from the baseline: the seats it did not hold,
 * ranked by the swing it needs to take them (half the gap between the
 * holder's share and its own, the Butler convention), and how many of
 * its top targets it has taken so far.
 */
import type { PartyContinuity, Seat, SeatState } from '../protocol/schemas.ts';
import { canonicalParty, INDEPENDENT, SPEAKER } from './party.ts';
import { formatPercent } from './figures.ts';

export interface Target {
  seat: Seat;
  /** Points of two-party swing from the holder needed to win it. */
  swingNeeded: number;
}

/** The party's targets, smallest swing needed first; only seats whose baseline has votes can be ranked. */
export function targetList(party: string, seats: readonly Seat[], continuity: PartyContinuity): Target[] {
  const targets: Target[] = [];
  for (const seat of seats) {
    const votes = seat.baseline.votes ?? [];
    const total = votes.reduce((sum, v) => sum + v.votes, 0);
    if (total === 0 || seat.baseline.party === null) continue;
    const holder = canonicalParty(seat.baseline.party, continuity);
    if (holder === party) continue;
    const share = (code: string) =>
      votes.filter((v) => canonicalParty(v.party, continuity) === code).reduce((sum, v) => sum + v.votes, 0) / total;
    const own = share(party);
    if (own === 0) continue;
    targets.push({ seat, swingNeeded: ((share(holder) - own) / 2) * 100 });
  }
  return targets.sort((a, b) => a.swingNeeded - b.swingNeeded || a.seat.name.localeCompare(b.seat.name));
}

export interface TargetProgress {
  party: string;
  /** How many of the top targets are counted (the list may be shorter than asked). */
  of: number;
  taken: number;
  declared: number;
  /** The next targets still to declare, smallest swing first. */
  next: Target[];
  line: string;
}

/** "Lab have taken 12 of their top 50 targets; next: Hastings and Rye (0.3%), ..." */
export function targetProgress({
  party,
  targets,
  seatStates,
  continuity,
  top = 50,
  nextCount = 3,
}: {
  party: string;
  /** targetList's answer for the party: it depends on the baseline alone, so a screen works it out once. */
  targets: readonly Target[];
  seatStates: readonly SeatState[];
  continuity: PartyContinuity;
  top?: number;
  nextCount?: number;
}): TargetProgress {
  const stateOf = new Map(seatStates.map((s) => [s.code, s]));
  const list = targets.slice(0, top);
  let taken = 0;
  let declared = 0;
  const next: Target[] = [];
  for (const target of list) {
    const now = stateOf.get(target.seat.code);
    if (now?.outcome) {
      declared++;
      if (canonicalParty(now.outcome.label.party, continuity) === party) taken++;
    } else if (next.length < nextCount) next.push(target);
  }
  const nextText = next.map((t) => `${t.seat.name} (${formatPercent(t.swingNeeded)})`).join(', ');
  const line =
    `${party} have taken ${taken} of their top ${list.length} targets` +
    (declared < list.length ? ` (${declared} declared)` : '') +
    (nextText ? `; next: ${nextText}` : '');
  return { party, of: list.length, taken, declared, next, line };
}

/** The parties whose targets a newsroom follows: the largest at the baseline, parties proper only. */
export function targetParties(seats: readonly Seat[], continuity: PartyContinuity, count = 4): string[] {
  const held = new Map<string, number>();
  for (const seat of seats) {
    if (seat.baseline.party === null) continue;
    const party = canonicalParty(seat.baseline.party, continuity);
    if (party === SPEAKER || party === INDEPENDENT) continue;
    held.set(party, (held.get(party) ?? 0) + 1);
  }
  return [...held.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([party]) => party)
    .filter((party) => targetList(party, seats, continuity).length > 0);
}
