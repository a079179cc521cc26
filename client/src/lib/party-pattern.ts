/**
 * Colour is never the only signal on the map: parties whose colours a
 * colour-blind viewer could confuse (Lab red, LD orange, Green green, the
 * Northern Irish parties) also carry a pattern, repeated in the legend.
 */
export type PatternKind = 'solid' | 'dots' | 'stripes' | 'cross' | 'ring';

const PATTERNS: Record<string, PatternKind> = {
  LD: 'dots',
  PC: 'dots',
  APNI: 'dots',
  Green: 'stripes',
  SF: 'stripes',
  SDLP: 'stripes',
  DUP: 'cross',
  UUP: 'cross',
  RUK: 'cross',
  Brexit: 'cross',
  Spk: 'ring',
  Ind: 'ring',
};

export function patternOf(party: string): PatternKind {
  return PATTERNS[party] ?? 'solid';
}

/** What a party's hex or legend swatch is filled with: its colour, or its pattern drawn in that colour. */
export function partyFill(party: string, colour: string): string {
  return patternOf(party) === 'solid' ? colour : `url(#${patternId(party)})`;
}

/** A pattern id safe for SVG and CSS url(#...), from any party code. */
export function patternId(party: string): string {
  return `party-pattern-${party.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
