/** Party colours come from the data; text drawn on them must stay readable. */

/** Drawn for a party with no colour of its own, or a colour that is not #rrggbb. */
const FALLBACK = '#888888';

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  // sRGB to linear light (WCAG 2 relative luminance).
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** A #rrggbb colour, or a neutral grey for anything else. */
export function safeColour(colour: string | undefined): string {
  return colour !== undefined && /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : FALLBACK;
}

/** Black or white, whichever contrasts more with the background. */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  const l = luminance(safeColour(background));
  const withBlack = (l + 0.05) / 0.05;
  const withWhite = 1.05 / (l + 0.05);
  return withBlack >= withWhite ? '#000000' : '#ffffff';
}

/** A party's colour from the parties table: a gain is drawn in its winner's colour, whatever the party. */
export function partyColour(parties: readonly { code: string; colour: string }[], code: string): string {
  return safeColour(parties.find((p) => p.code === code)?.colour);
}
