/**
 * The headline of the night: the one line a newsroom reports from the House
 * figures ("Con win a majority of 80", "Con need 12 more for a majority").
 * Computed from the party table after every change, so it moves the moment
 * a declaration moves it (ELECTION-RULES: The House).
 */
import type { HouseSummary } from '../protocol/schemas.ts';
import { INDEPENDENT, SPEAKER } from './party.ts';
import { formatNumber } from './figures.ts';

export type HeadlineKind =
  'exit-poll' | 'waiting' | 'majority-won' | 'majority-won-so-far' | 'needs' | 'hung' | 'largest-party' | 'level' | 'won';

export interface Headline {
  kind: HeadlineKind;
  /** The party the line is about (the largest), or null. */
  party: string | null;
  text: string;
}

const seatsWord = (n: number) => `${formatNumber(n)} ${n === 1 ? 'seat' : 'seats'}`;

/** The largest parties by seats; the Speaker and independents are not parties and lead nothing. */
function leaders(house: Pick<HouseSummary, 'partyTable'>) {
  const rows = house.partyTable.filter((r) => r.seats > 0 && r.party !== SPEAKER && r.party !== INDEPENDENT);
  const top = Math.max(0, ...rows.map((r) => r.seats));
  return { top, tied: rows.filter((r) => r.seats === top).map((r) => r.party) };
}

export function headline(house: Pick<HouseSummary, 'partyTable' | 'declared' | 'totalSeats' | 'majorityLine'>): Headline {
  const { top, tied } = leaders(house);
  const toDeclare = Math.max(house.totalSeats - house.declared, 0);
  const stillToDeclare = toDeclare > 0 ? ` (${seatsWord(toDeclare)} to declare)` : '';
  if (tied.length === 0) return { kind: 'waiting', party: null, text: 'No seats declared yet' };

  // A one-seat contest (a mayoralty) has a winner, not a majority.
  if (house.totalSeats === 1) return { kind: 'won', party: tied[0], text: `${tied[0]} win` };

  if (tied.length > 1) {
    const who = `${tied.slice(0, -1).join(', ')} and ${tied[tied.length - 1]}`;
    if (toDeclare === 0 || top + toDeclare < house.majorityLine) {
      return { kind: 'hung', party: null, text: `Hung parliament: ${who} level on ${seatsWord(top)}${stillToDeclare}` };
    }
    return { kind: 'level', party: null, text: `${who} level on ${seatsWord(top)}${stillToDeclare}` };
  }

  const party = tied[0];
  // The Commons majority: the party's seats less everyone else's.
  const majority = 2 * top - house.totalSeats;
  if (top >= house.majorityLine) {
    return toDeclare === 0
      ? { kind: 'majority-won', party, text: `${party} win a majority of ${formatNumber(majority)}` }
      : { kind: 'majority-won-so-far', party, text: `${party} win a majority${stillToDeclare}` };
  }
  const short = house.majorityLine - top;
  if (toDeclare === 0) {
    return { kind: 'largest-party', party, text: `Hung parliament: ${party} largest party, ${formatNumber(short)} short of a majority` };
  }
  // The largest party cannot reach the line with every seat left: nor can anyone else.
  if (top + toDeclare < house.majorityLine) {
    return {
      kind: 'hung',
      party,
      text: `Hung parliament: ${party} largest party, can finish no better than ${short - toDeclare} short${stillToDeclare}`,
    };
  }
  return { kind: 'needs', party, text: `${party} need ${formatNumber(short)} more for a majority${stillToDeclare}` };
}

/** Two headlines tell the same story when kind and party agree; the seat counts in the text move with every seat. */
export function sameStory(a: Pick<Headline, 'kind' | 'party'>, b: Pick<Headline, 'kind' | 'party'>): boolean {
  return a.kind === b.kind && a.party === b.party;
}
