import { describe, expect, test } from 'vitest';
import { formatUkDay, formatUkStamp, formatUkTime, ukDateTime, ukToIso } from './uk-time.ts';

describe('ukToIso', () => {
  test('reads a summer night time as British Summer Time', () => {
    expect(ukToIso('2017-06-09', '02:31')).toBe('2017-06-09T02:31:00+01:00');
  });

  test('reads a winter time as GMT', () => {
    expect(ukToIso('2019-12-13', '04:05')).toBe('2019-12-13T04:05:00+00:00');
  });

  test('accepts 0231 and 2.31 as typed in a hurry', () => {
    expect(ukToIso('2017-06-09', '0231')).toBe('2017-06-09T02:31:00+01:00');
    expect(ukToIso('2017-06-09', '2.31')).toBe('2017-06-09T02:31:00+01:00');
  });

  test('refuses what is not a time', () => {
    expect(ukToIso('2017-06-09', '25:00')).toBeNull();
    expect(ukToIso('9 June', '02:31')).toBeNull();
  });
});

describe('ukDateTime', () => {
  test('gives the UK date after midnight even when UTC is still the day before', () => {
    expect(ukDateTime(new Date('2017-06-08T23:30:00Z'))).toEqual({ date: '2017-06-09', time: '00:30' });
  });
});

describe('UK time formatters', () => {
  test('give the day, the clock and the stamp in UK time, summer time included', () => {
    const at = '2017-06-09T01:31:00Z';
    expect(formatUkDay(at)).toBe('9 Jun');
    expect(formatUkTime(at)).toBe('02:31:00');
    expect(formatUkStamp(at)).toBe('9 Jun 2017, 02:31 BST');
  });

  test('give nothing for an unreadable time', () => {
    expect(formatUkDay('not a time')).toBe('');
    expect(formatUkStamp('not a time')).toBe('');
  });
});
