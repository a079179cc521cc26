import { describe, expect, test } from 'vitest';
import { labelPlaces, labelWidth, type HouseSegment } from './house-segments.ts';

const segment = (party: string, seats: number, total = 650): HouseSegment => ({
  party,
  seats,
  net: 0,
  colour: '#000000',
  ink: '#ffffff',
  width: (seats / total) * 100,
});
const label = (s: HouseSegment) => labelWidth(`${s.party} ${s.seats}`, 12.8);

describe('the House bar labels', () => {
  const night2019 = [segment('Con', 365), segment('Lab', 202), segment('SNP', 48), segment('LD', 11), segment('NP', 4)];
  const majorityAt = (326 / 650) * 100;

  test('a label that would be clipped is left to the legend, on a phone and on a desktop', () => {
    expect(labelPlaces(night2019, majorityAt, 320, label)).toEqual(['start', 'center', 'none', 'none', 'none']);
    expect(labelPlaces(night2019, majorityAt, 900, label)).toEqual(['start', 'center', 'center', 'none', 'none']);
  });

  test('the majority line never runs through a label: it sits in the larger part of the segment it crosses', () => {
    const [placeOfCon] = labelPlaces(night2019, majorityAt, 750, label);
    const line = (326 / 650) * 750;
    // Against the start of the Conservative segment: clear of the line to its right.
    expect(placeOfCon).toBe('start');
    expect(label(night2019[0])).toBeLessThan(line);
    // A party just short of the line: the next segment's label goes past the line, against its end.
    expect(labelPlaces([segment('Con', 300), segment('Lab', 330)], majorityAt, 750, label)).toEqual(['center', 'end']);
  });

  test('nothing is placed before the bar is measured', () => {
    expect(labelPlaces(night2019, majorityAt, 0, label)).toEqual(['none', 'none', 'none', 'none', 'none']);
  });
});
