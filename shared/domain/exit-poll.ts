/**
 * The broadcasters' exit poll: checked as typed, told as a headline, and
 * compared with the seats declared so far. The poll gives national seats
 * only, so what it "implied" for the declared seats is its net change for
 * each party spread evenly over the House: a party the poll has up 51
 * seats on the baseline is expected up 51 x (declared / total) so far.
 */
import type { FieldProblem } from '../protocol/http-replies.ts';
import type { ExitPollInput, PartyContinuity, PartyTableRow, Seat } from '../protocol/schemas.ts';
import { headline, type Headline } from './headline.ts';
import { majorityLine } from './party-table.ts';
import { canonicalParty } from './party.ts';
import { formatNumber } from './figures.ts';

/** The key an exit poll uses for every party it does not name. */
export const POLL_OTHERS = 'Others';

/** A poll that does not fill the House was mistyped: 650 seats in, or it is refused. */
export function exitPollProblems(poll: ExitPollInput, totalSeats: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const total = Object.values(poll.seats).reduce((sum, n) => sum + n, 0);
  if (total !== totalSeats) {
    problems.push({
      path: 'seats',
      message: `must add up to the ${totalSeats} seats of the House, with ${POLL_OTHERS} for the rest (got ${total})`,
    });
  }
  const shares = Object.values(poll.shares ?? {}).reduce((sum, n) => sum + n, 0);
  if (shares > 100.5)
    problems.push({ path: 'shares', message: `must add up to no more than 100 per cent (got ${Math.round(shares * 10) / 10})` });
  return problems;
}

/** The poll as an editor types it: "Con 368 43.6%, Lab 191, Others 19". */
export function exitPollText(poll: Pick<ExitPollInput, 'seats' | 'shares'>): string {
  return Object.entries(poll.seats)
    .map(([party, n]) => `${party} ${n}${poll.shares?.[party] !== undefined ? ` ${poll.shares[party]}%` : ''}`)
    .join(', ');
}

const rowsOf = (seats: Record<string, number>) =>
  Object.entries(seats)
    .filter(([party]) => party !== POLL_OTHERS)
    .map(([party, n]): PartyTableRow => ({ party, seats: n, gains: 0, losses: 0, net: 0, votes: 0, share: 0, shareChange: null }))
    .sort((a, b) => b.seats - a.seats || a.party.localeCompare(b.party));

/**
 * A whole House foretold, as one line: "Exit poll: Con majority of 86",
 * "Projection on 320 seats: hung parliament, Con largest party, 12 short of a majority".
 */
export function forecastLine(label: string, seats: Record<string, number>, totalSeats: number): string {
  const line = headline({ partyTable: rowsOf(seats), declared: totalSeats, totalSeats, majorityLine: majorityLine(totalSeats) });
  switch (line.kind) {
    case 'majority-won':
      return `${label}: ${line.party} majority of ${formatNumber(2 * seats[line.party!]! - totalSeats)}`;
    case 'largest-party':
    case 'hung':
      return `${label}: ${line.text.replace('Hung parliament: ', 'hung parliament, ')}`;
    default:
      return `${label}: ${line.text}`;
  }
}

/** "Exit poll: Con majority of 86", "Exit poll: hung parliament, Con largest party, 12 short of a majority". */
export function exitPollHeadline(poll: Pick<ExitPollInput, 'seats'>, totalSeats: number): string {
  return forecastLine('Exit poll', poll.seats, totalSeats);
}

/** The headline of the night: the exit poll's until the first result, then the results' own. */
export function nightHeadline(house: Parameters<typeof headline>[0], exitPoll: Pick<ExitPollInput, 'seats'> | null): Headline {
  if (house.declared === 0 && exitPoll) return { kind: 'exit-poll', party: null, text: exitPollHeadline(exitPoll, house.totalSeats) };
  return headline(house);
}

export interface ExitPollComparisonRow {
  party: string;
  /** The poll's seats for the whole House. */
  poll: number;
  /** Seats won so far. */
  declared: number;
  /** What the poll implied for the seats declared so far (one decimal). */
  implied: number;
  /** declared - implied: ahead of the exit poll when positive. */
  difference: number;
  /** The projection's seats for the whole House (shared/domain/projection.ts), where one was given. */
  projected?: number;
}

/**
 * Each party the poll names, with Others for every party it does not: its seats so far
 * against baseline-held-among-declared + (poll - baseline) x declared / total.
 */
export function exitPollComparison({
  poll,
  seats,
  partyTable,
  declaredCodes,
  totalSeats,
  continuity,
  projection = null,
}: {
  poll: Pick<ExitPollInput, 'seats'>;
  seats: readonly Seat[];
  partyTable: readonly PartyTableRow[];
  /** The seats declared so far. */
  declaredCodes: ReadonlySet<string>;
  totalSeats: number;
  continuity: PartyContinuity;
  /** The projected House, set beside the poll's. */
  projection?: readonly { party: string; seats: number }[] | null;
}): ExitPollComparisonRow[] {
  // The poll may name a party by an older code (Brexit for RUK): both sides are read through continuity.
  const named = new Set(Object.keys(poll.seats).map((party) => canonicalParty(party, continuity)));
  const key = (party: string) => {
    const canonical = canonicalParty(party, continuity);
    return named.has(canonical) ? canonical : POLL_OTHERS;
  };
  const baseline = new Map<string, number>();
  const baselineDeclared = new Map<string, number>();
  const add = (map: Map<string, number>, party: string, n: number) => map.set(party, (map.get(party) ?? 0) + n);
  for (const seat of seats) {
    if (seat.baseline.party === null) continue;
    add(baseline, key(seat.baseline.party), 1);
    if (declaredCodes.has(seat.code)) add(baselineDeclared, key(seat.baseline.party), 1);
  }
  const won = new Map<string, number>();
  for (const row of partyTable) add(won, key(row.party), row.seats);
  const projected = new Map<string, number>();
  for (const row of projection ?? []) add(projected, key(row.party), row.seats);
  const fraction = declaredCodes.size / totalSeats;
  return Object.entries(poll.seats)
    .map(([party, pollSeats]) => {
      const counted = party === POLL_OTHERS ? POLL_OTHERS : canonicalParty(party, continuity);
      const implied = Math.max(0, (baselineDeclared.get(counted) ?? 0) + (pollSeats - (baseline.get(counted) ?? 0)) * fraction);
      const declared = won.get(counted) ?? 0;
      return {
        party,
        poll: pollSeats,
        declared,
        implied: Math.round(implied * 10) / 10,
        difference: Math.round((declared - implied) * 10) / 10,
        ...(projection ? { projected: projected.get(counted) ?? 0 } : {}),
      };
    })
    .sort((a, b) => (a.party === POLL_OTHERS ? 1 : b.party === POLL_OTHERS ? -1 : b.poll - a.poll || a.party.localeCompare(b.party)));
}

/** "Con are running 6 seats ahead of the exit poll on the 320 declared", for the largest party in the poll. */
export function exitPollRunningLine(rows: readonly ExitPollComparisonRow[], declared: number): string | null {
  const leader = rows.find((r) => r.party !== POLL_OTHERS);
  if (!leader || declared === 0) return null;
  const gap = Math.round(leader.difference);
  const on = `on the ${formatNumber(declared)} ${declared === 1 ? 'seat' : 'seats'} declared`;
  if (gap === 0) return `${leader.party} are in line with the exit poll ${on}`;
  const n = Math.abs(gap);
  return `${leader.party} are running ${n} ${n === 1 ? 'seat' : 'seats'} ${gap > 0 ? 'ahead of' : 'behind'} the exit poll ${on}`;
}
