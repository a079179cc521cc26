import { describe, expect, test } from 'vitest';
import { jsonDepth } from './json-body.ts';

describe('jsonDepth', () => {
  test('counts the nesting of objects and arrays', () => {
    expect(jsonDepth('{"candidates":[{"name":"A","votes":1}]}')).toBe(3);
    expect(jsonDepth('42')).toBe(0);
  });

  test('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth('{"name":"[[[{{{\\"[[["}')).toBe(1);
  });

  test('stops reading once past the limit', () => {
    expect(jsonDepth('['.repeat(100_000), 32)).toBe(33);
  });
});
