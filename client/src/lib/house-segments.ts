/** The House bar's geometry: each party's share of the seats as a coloured segment, and where the majority line falls. */
import type { HouseSummary, Party } from '../../../shared/protocol/schemas.ts';
import { partyColour, textColourOn } from '../../../shared/domain/party-colour.ts';

export interface HouseSegment {
  party: string;
  seats: number;
  /** Gains less losses. */
  net: number;
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
  return barSegments(house.partyTable, house, parties);
}

/** Any House as a bar (the declared one, an exit poll's, a projection's): each party's seats as a share of it, and the majority line. */
export function barSegments(
  rows: readonly { party: string; seats: number; net?: number }[],
  { totalSeats, majorityLine }: { totalSeats: number; majorityLine: number },
  parties: readonly Party[],
): { segments: HouseSegment[]; majorityAt: number } {
  const total = Math.max(totalSeats, 1);
  const segments = rows
    .filter((row) => row.seats > 0)
    .map((row) => {
      const colour = partyColour(parties, row.party);
      return { party: row.party, seats: row.seats, net: row.net ?? 0, colour, ink: textColourOn(colour), width: (row.seats / total) * 100 };
    });
  return { segments, majorityAt: Math.min((majorityLine / total) * 100, 100) };
}

/** Where a segment's "SNP 48" goes: centred, against one end (clear of the majority line), or nowhere (the legend has it). */
export type LabelPlace = 'center' | 'start' | 'end' | 'none';

/** Room kept between a label and the majority line or the segment's edge, in px. */
const CLEARANCE = 4;

/**
 * Each segment's label placed so that it is never clipped ("NP 4") and the
 * majority line never runs through it. barPx is the bar's drawn width, and
 * labelPx(segment) the width its label needs; 0 before the bar is measured.
 */
export function labelPlaces(
  segments: readonly HouseSegment[],
  majorityAt: number,
  barPx: number,
  labelPx: (segment: HouseSegment) => number,
): LabelPlace[] {
  if (barPx <= 0) return segments.map(() => 'none');
  const line = (majorityAt / 100) * barPx;
  let start = 0;
  return segments.map((segment) => {
    const end = start + (segment.width / 100) * barPx;
    const need = labelPx(segment) + 2 * CLEARANCE;
    const from = start;
    start = end;
    if (line <= from || line >= end) return end - from >= need ? 'center' : 'none';
    // The line crosses this segment: the label goes in the larger part beside it, if it fits there.
    const before = line - from;
    const after = end - line;
    if (Math.max(before, after) < need) return 'none';
    return before >= after ? 'start' : 'end';
  });
}

/** The width a label needs, in px, at a font size: bold digits and capitals run to about 0.68em each. */
export const labelWidth = (text: string, fontPx: number) => Math.ceil(text.length * fontPx * 0.68);

/** Measures label text in the element's own font (a canvas, so nothing is laid out); the estimate where there is no canvas. */
export function textMeasurer(element: Element): (text: string) => number {
  const style = getComputedStyle(element);
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => labelWidth(text, parseFloat(style.fontSize));
  context.font = style.font;
  return (text) => Math.ceil(context.measureText(text).width);
}

const JUSTIFY: Record<LabelPlace, string> = { center: 'center', start: 'flex-start', end: 'flex-end', none: 'center' };
/** The CSS justify-content that puts a label where labelPlaces says. */
export const justifyFor = (place: LabelPlace) => JUSTIFY[place];
