import { describe, expect, test } from 'vitest';
import type { HouseSummary } from '../protocol/schemas.ts';
import { headlineLine, houseHeadline, sameHeadline } from './house-headline.ts';

function house(seats: Record<string, number>, declared: number, totalSeats = 650): HouseSummary {
  return {
    partyTable: Object.entries(seats)
      .map(([party, n]) => ({ party, seats: n, gains: 0, losses: 0, net: 0, votes: n * 1000, share: 0, shareChange: null }))
      .sort((a, b) => b.seats - a.seats),
    declared,
    totalSeats,
    majorityLine: Math.floor(totalSeats / 2) + 1,
    nationalSwing: null,
  };
}

describe('the House headline', () => {
  test('no seat declared: no headline', () => {
    expect(houseHeadline(house({}, 0)).state).toBe('none');
  });

  test('the largest party leads until it reaches the majority line', () => {
    expect(houseHeadline(house({ Lab: 300, Con: 200 }, 500))).toMatchObject({ state: 'leads', party: 'Lab', seats: 300 });
    expect(houseHeadline(house({ Lab: 326, Con: 200 }, 526))).toMatchObject({ state: 'majority', party: 'Lab' });
  });

  test('two parties level: tied, no party named', () => {
    expect(houseHeadline(house({ Lab: 10, Con: 10 }, 20))).toMatchObject({ state: 'tied', party: null });
  });

  test('hung once even the leader cannot reach the line with every seat still to declare', () => {
    // 650 seats, 326 to win: Con 300 with 20 left can reach 320 at most.
    expect(houseHeadline(house({ Con: 300, Lab: 270, LD: 60 }, 630))).toMatchObject({ state: 'hung', party: null });
    expect(houseHeadline(house({ Con: 300, Lab: 270, LD: 54 }, 624))).toMatchObject({ state: 'leads', party: 'Con' });
  });

  test('the headline changes with the leader or the state, not with each seat', () => {
    expect(sameHeadline(houseHeadline(house({ Lab: 3 }, 3)), houseHeadline(house({ Lab: 4, Con: 1 }, 5)))).toBe(true);
    expect(sameHeadline(houseHeadline(house({ Lab: 3 }, 3)), houseHeadline(house({ Lab: 3, Con: 4 }, 7)))).toBe(false);
  });

  test('its line says who, how many and how far through the night', () => {
    expect(headlineLine(houseHeadline(house({ Lab: 326, Con: 200 }, 526)), 'GE')).toBe(
      'GE: Lab win a majority: 326 seats, with 526 of 650 declared. The majority line is 326.',
    );
  });
});
