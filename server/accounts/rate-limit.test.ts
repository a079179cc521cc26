import { describe, expect, test } from 'vitest';
import { failureLimit } from './rate-limit.ts';

function limitAt(max: number) {
  let clock = 1_000_000;
  const limit = failureLimit({ max, windowMs: 60_000, now: () => clock });
  return { limit, pass: (ms: number) => (clock += ms) };
}

describe('failureLimit (the login limit)', () => {
  test('a key may try until it has failed max times, then waits out the rest of its window', () => {
    const { limit, pass } = limitAt(3);
    limit.fail('a');
    limit.fail('a');
    expect(limit.retryAfter('a')).toBe(0);
    limit.fail('a');
    pass(15_000);
    expect(limit.retryAfter('a')).toBe(45);
  });

  test('once the window has passed the key may try again, counted from nothing', () => {
    const { limit, pass } = limitAt(2);
    limit.fail('a');
    limit.fail('a');
    pass(60_000);
    expect(limit.retryAfter('a')).toBe(0);
    limit.fail('a');
    expect(limit.retryAfter('a')).toBe(0);
  });

  test('each key is counted on its own', () => {
    const { limit } = limitAt(1);
    limit.fail('a');
    expect(limit.retryAfter('a')).toBeGreaterThan(0);
    expect(limit.retryAfter('b')).toBe(0);
  });

  test('forgive takes back one failure, and clear forgets the key', () => {
    const { limit } = limitAt(2);
    limit.fail('a');
    limit.fail('a');
    limit.forgive('a');
    expect(limit.retryAfter('a')).toBe(0);
    limit.fail('a');
    expect(limit.retryAfter('a')).toBeGreaterThan(0);
    limit.clear('a');
    expect(limit.retryAfter('a')).toBe(0);
  });
});
