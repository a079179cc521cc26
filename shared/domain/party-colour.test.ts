import { describe, expect, test } from 'vitest';
import { partyColour, safeColour, textColourOn } from './party-colour.ts';

describe('party colour', () => {
  test('puts white text on dark party colours and black on light ones', () => {
    expect(textColourOn('#0087DC')).toBe('#000000');
    expect(textColourOn('#1a1a1a')).toBe('#ffffff');
    expect(textColourOn('#FDF38E')).toBe('#000000');
  });

  test('draws a party with no colour, or a colour that is not #rrggbb, in neutral grey', () => {
    const parties = [
      { code: 'Lab', colour: '#E4003B' },
      { code: 'X', colour: 'red; background: url(evil)' },
    ];
    expect(partyColour(parties, 'Lab')).toBe('#E4003B');
    expect(partyColour(parties, 'X')).toBe('#888888');
    expect(partyColour(parties, 'Nobody')).toBe('#888888');
    expect(safeColour(undefined)).toBe('#888888');
  });
});
