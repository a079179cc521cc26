/**
 * The House's headline, as a webhook tells it: who leads, who has won a
 * majority, or that no party can. It changes a handful of times a night,
 * not with every seat, so "the headline changed" is worth a message.
 */
import type { HouseSummary } from '../protocol/schemas.ts';

export type HeadlineState = 'none' | 'leads' | 'tied' | 'majority' | 'hung';

export interface HouseHeadline {
  state: HeadlineState;
  /** The leading party (majority, leads); null when none or tied. */
  party: string | null;
  seats: number;
  declared: number;
  totalSeats: number;
  majorityLine: number;
}

export function houseHeadline(house: HouseSummary): HouseHeadline {
  const [first, second] = house.partyTable;
  const base = { declared: house.declared, totalSeats: house.totalSeats, majorityLine: house.majorityLine };
  if (!first || first.seats === 0) return { ...base, state: 'none', party: null, seats: 0 };
  if (first.seats >= house.majorityLine) return { ...base, state: 'majority', party: first.party, seats: first.seats };
  // Hung when even the leader cannot reach the line with every seat still to declare.
  const undeclared = house.totalSeats - house.declared;
  if (first.seats + undeclared < house.majorityLine) return { ...base, state: 'hung', party: null, seats: first.seats };
  if (second && second.seats === first.seats) return { ...base, state: 'tied', party: null, seats: first.seats };
  return { ...base, state: 'leads', party: first.party, seats: first.seats };
}

/** Two headlines tell the same story when state and party agree; seat counts move all night. */
export function sameHeadline(a: HouseHeadline, b: HouseHeadline): boolean {
  return a.state === b.state && a.party === b.party;
}

const seatsWord = (n: number) => `${n} seat${n === 1 ? '' : 's'}`;

/** "Lab win a majority: 326 seats, with 412 of 650 declared." */
export function headlineLine(h: HouseHeadline, electionName: string): string {
  const progress = `with ${h.declared} of ${h.totalSeats} declared`;
  switch (h.state) {
    case 'none':
      return `${electionName}: no seat has a result.`;
    case 'majority':
      return `${electionName}: ${h.party} win a majority: ${seatsWord(h.seats)}, ${progress}. The majority line is ${h.majorityLine}.`;
    case 'hung':
      return `${electionName}: hung parliament. No party can reach ${h.majorityLine} seats; the largest has ${seatsWord(h.seats)}, ${progress}.`;
    case 'tied':
      return `${electionName}: the two largest parties are level on ${seatsWord(h.seats)}, ${progress}.`;
    case 'leads':
      return `${electionName}: ${h.party} lead with ${seatsWord(h.seats)}, ${progress}.`;
  }
}
