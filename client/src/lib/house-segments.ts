/** The House bar's geometry: each party's share of the seats as a coloured segment, and where the majority line falls. */
import type { HouseSummary, Party } from '../../../shared/protocol/schemas.ts';
import { safeColour, textColourOn } from './colour.ts';

export interface HouseSegment {
  party: string;
  seats: number;
  colour: string;
  ink: string;
  /** Percent of the bar. */
  width: number;
}

/** What a screen reader hears for the bar, which is drawn, not written. */
export function houseBarLabel(segments: readonly HouseSegment[], majorityLine: number): string {
  return `Seats won: ${segments.map((s) => `${s.party} ${s.seats}`).join(', ') || 'none yet'}; ${majorityLine} for a majority`;
}

export function houseSegments(house: HouseSummary, parties: readonly Party[]): { segments: HouseSegment[]; majorityAt: number } {
  const total = Math.max(house.totalSeats, 1);
  const segments = house.partyTable
    .filter((row) => row.seats > 0)
    .map((row) => {
      const colour = safeColour(parties.find((p) => p.code === row.party)?.colour);
      return { party: row.party, seats: row.seats, colour, ink: textColourOn(colour), width: (row.seats / total) * 100 };
    });
  return { segments, majorityAt: Math.min((house.majorityLine / total) * 100, 100) };
}
