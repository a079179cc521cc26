import { describe, expect, test } from 'vitest';
import type { PartyContinuity } from '../protocol/schemas.ts';
import { canonicalParty, continuityLoops, NO_CONTINUITY, samePerson } from './party.ts';

const continuity: PartyContinuity = {
  aliases: { Alliance: 'APNI', 'Labour and Co-operative': 'Lab', 'Lab Co-op': 'Lab' },
  successors: { Brexit: 'RUK', UKIP: 'Brexit' },
};

describe('canonicalParty', () => {
  test('keeps a code with no continuity configured', () => {
    expect(canonicalParty('Con', continuity)).toBe('Con');
    expect(canonicalParty('Lab', NO_CONTINUITY)).toBe('Lab');
  });

  test('counts Alliance as APNI through an alias', () => {
    expect(canonicalParty('Alliance', continuity)).toBe('APNI');
  });

  test('counts Labour and Co-operative as Labour where configured as an alias', () => {
    expect(canonicalParty('Labour and Co-operative', continuity)).toBe('Lab');
    expect(canonicalParty('Lab Co-op', continuity)).toBe('Lab');
  });

  test('does not guess continuity that is not configured', () => {
    expect(canonicalParty('Alliance', NO_CONTINUITY)).toBe('Alliance');
    expect(canonicalParty('Brexit', NO_CONTINUITY)).toBe('Brexit');
  });

  test('carries the Brexit Party to its successor Reform UK', () => {
    expect(canonicalParty('Brexit', continuity)).toBe('RUK');
  });

  test('follows successors to the end of the chain', () => {
    expect(canonicalParty('UKIP', continuity)).toBe('RUK');
  });

  test('applies an alias to a successor', () => {
    const renamed: PartyContinuity = { aliases: { Reform: 'RUK' }, successors: { Brexit: 'Reform' } };
    expect(canonicalParty('Brexit', renamed)).toBe('RUK');
  });

  test('stops on a loop of successors instead of hanging', () => {
    const loop: PartyContinuity = { aliases: {}, successors: { A: 'B', B: 'A' } };
    expect(['A', 'B']).toContain(canonicalParty('A', loop));
  });
});

describe('samePerson', () => {
  test('matches names that differ only in case, spacing and accents', () => {
    expect(samePerson('Sylvia Hermon', 'sylvia  hermon')).toBe(true);
    expect(samePerson('Siân Gwenllian', 'Sian Gwenllian')).toBe(true);
  });

  test('tells different people apart', () => {
    expect(samePerson('Sylvia Hermon', 'Claire Hanna')).toBe(false);
  });

  test('never matches a missing name', () => {
    expect(samePerson(undefined, 'Sylvia Hermon')).toBe(false);
    expect(samePerson('Sylvia Hermon', undefined)).toBe(false);
    expect(samePerson('', '')).toBe(false);
  });
});

describe('continuityLoops', () => {
  test('finds a loop that a new successor would make', () => {
    expect(continuityLoops('RUK', { aliases: {}, successors: { Brexit: 'RUK', RUK: 'Brexit' } })).toBe(true);
  });

  test('finds no loop in a chain of renames ending in one party', () => {
    expect(continuityLoops('Alliance', { aliases: { Alliance: 'APNI' }, successors: { UKIP: 'Brexit', Brexit: 'RUK' } })).toBe(false);
    expect(continuityLoops('UKIP', { aliases: {}, successors: { UKIP: 'Brexit', Brexit: 'RUK' } })).toBe(false);
  });
});
