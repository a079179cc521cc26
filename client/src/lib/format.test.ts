import { describe, expect, test } from 'vitest';
import {
  electionLabel,
  formatHouseTurnout,
  formatBaselineMajority,
  formatMajority,
  formatNumber,
  formatSigned,
  formatSignedPoints,
  formatSwing,
  formatUkTime,
} from './format.ts';

describe('format', () => {
  test('an election picker says a mode once, even where the name says it already', () => {
    expect(electionLabel({ name: 'General election 2019 (rehearsal)', mode: 'rehearsal' })).toBe('General election 2019 (rehearsal)');
    expect(electionLabel({ name: 'General election 2017: London marginals', mode: 'test' })).toBe(
      'General election 2017: London marginals (test)',
    );
    expect(electionLabel({ name: 'General election 2024', mode: 'live' })).toBe('General election 2024');
  });

  test('writes numbers with thousands separators', () => {
    expect(formatNumber(5652)).toBe('5,652');
    expect(formatNumber(1234567)).toBe('1,234,567');
  });

  test('signs net seats and share changes', () => {
    expect(formatSigned(1)).toBe('+1');
    expect(formatSigned(-1)).toBe('-1');
    expect(formatSigned(0)).toBe('0');
    expect(formatSignedPoints(2.345)).toBe('+2.3');
    expect(formatSignedPoints(-0.04)).toBe('0.0');
  });

  test('gives times in UK time whatever the machine zone, summer time included', () => {
    expect(formatUkTime('2017-06-09T01:31:05Z')).toBe('02:31:05');
    expect(formatUkTime('2017-12-09T01:31:05Z')).toBe('01:31:05');
  });

  test('gives turnout with the seats it rests on, or says why it is not known', () => {
    expect(formatHouseTurnout({ percent: 67.34, seats: 412, change: 1.23 })).toBe(
      '67.3% (+1.2) on the 412 seats that gave their electorate',
    );
    expect(formatHouseTurnout({ percent: 60, seats: 1, change: null })).toBe('60.0% on the 1 seat that gave their electorate');
    expect(formatHouseTurnout(null)).toBe('not known: no declaration has given its electorate');
  });

  test('describes swing, or says it is not available', () => {
    expect(formatSwing({ from: 'Con', to: 'Lab', points: 5.08 })).toBe('5.1% swing from Con to Lab');
    expect(formatSwing(null)).toBe('swing n/a');
  });

  test('writes majorities with their percentage', () => {
    expect(formatMajority({ majority: 5652, majorityPercent: 10.44 })).toBe('majority 5,652 (10.4%)');
  });

  test('describes a baseline majority given as a figure, a range, or not at all', () => {
    expect(formatBaselineMajority({ party: 'Con', majority: 165 })).toBe('majority 165');
    expect(formatBaselineMajority({ party: 'Con', majorityPercentRange: { min: 0.5, max: 1 } })).toBe('majority between 0.5% and 1.0%');
    expect(formatBaselineMajority({ party: 'Con' })).toBe('majority not given');
  });
});
