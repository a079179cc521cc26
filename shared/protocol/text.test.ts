import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { firstBadCharacter, oneLine } from './text.ts';

describe('one line of plain text', () => {
  test('letters of any script, accents, emoji and punctuation are text', () => {
    for (const text of [
      'Sarah Jones',
      'Siân Gwenllian',
      'Ynys Môn',
      'Ms O’Neill-Smith',
      '日本語',
      'Party 🌹',
      'Tab-free, "quoted" & <angled>',
    ]) {
      expect(firstBadCharacter(text), text).toBeNull();
    }
  });

  test('control characters, non-characters, lone surrogates and line separators are not, and are named', () => {
    const cases: Array<[string, string]> = [
      ['Winner\u0001Name', 'U+0001'],
      ['Line\nbreak', 'U+000A'],
      ['Tab\there', 'U+0009'],
      ['Delete\u007f', 'U+007F'],
      ['C1 \u0085 next line', 'U+0085'],
      ['Winner\ufffeName', 'U+FFFE'],
      ['\uffff', 'U+FFFF'],
      ['\ufdd0', 'U+FDD0'],
      ['plane one \u{1fffe}', 'U+1FFFE'],
      ['half \ud800 a pair', 'U+D800'],
      ['\udc00 trailing half', 'U+DC00'],
      ['para\u2029graph', 'U+2029'],
    ];
    for (const [text, named] of cases) expect(firstBadCharacter(text), JSON.stringify(text)).toBe(named);
  });

  test('the schema keeps its own rules and adds this one, with a message naming the character', () => {
    const Name = oneLine(z.string().trim().min(1, 'must give the name').max(10));
    expect(Name.parse('  Ann  ')).toBe('Ann');
    expect(Name.safeParse('').error?.issues[0].message).toBe('must give the name');
    expect(Name.safeParse('A\u0007nn').error?.issues[0].message).toMatch(/one line of plain text.*U\+0007/);
  });
});
