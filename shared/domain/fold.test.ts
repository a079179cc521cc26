import { describe, expect, test } from 'vitest';
import { foldText } from './fold.ts';

describe('foldText', () => {
  test('sets case, accents, spacing and punctuation aside', () => {
    expect(foldText('  Ynys Môn ')).toBe('ynys mon');
    expect(foldText('Ashton-under-Lyne')).toBe('ashton under lyne');
    expect(foldText('Birmingham, Edgbaston')).toBe('birmingham edgbaston');
  });
});
