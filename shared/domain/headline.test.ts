import { describe, expect, test } from 'vitest';
import type { PartyTableRow } from '../protocol/schemas.ts';
import { headline, sameStory } from './headline.ts';

const row = (party: string, seats: number): PartyTableRow => ({
  party,
  seats,
  gains: 0,
  losses: 0,
  net: 0,
  votes: seats * 1000,
  share: 0,
  shareChange: null,
});
const house = (seats: Record<string, number>, totalSeats = 650) => {
  const partyTable = Object.entries(seats).map(([party, n]) => row(party, n));
  const declared = partyTable.reduce((sum, r) => sum + r.seats, 0);
  return { partyTable, declared, totalSeats, majorityLine: Math.floor(totalSeats / 2) + 1 };
};

describe('headline', () => {
  test('says no seats are declared before the first declaration', () => {
    expect(headline(house({})).text).toBe('No seats declared yet');
  });

  test('gives the Commons majority once every seat is in: 2019, Con 365 of 650 is a majority of 80', () => {
    expect(headline(house({ Con: 365, Lab: 202, SNP: 48, LD: 11, Oth: 24 }))).toEqual({
      kind: 'majority-won',
      party: 'Con',
      text: 'Con win a majority of 80',
    });
  });

  test('calls a majority the moment the largest party reaches the majority line, with the seats still to declare', () => {
    expect(headline(house({ Con: 326, Lab: 150 })).text).toBe('Con win a majority (174 seats to declare)');
  });

  test('says how many more the largest party needs while it can still reach the majority line', () => {
    expect(headline(house({ Con: 314, Lab: 200, SNP: 20 })).text).toBe('Con need 12 more for a majority (116 seats to declare)');
  });

  test('says a one-seat-short party needs 1 more, and 1 seat to declare, in the singular', () => {
    expect(headline(house({ Con: 325, Lab: 324 })).text).toBe('Con need 1 more for a majority (1 seat to declare)');
  });

  test('calls a hung parliament with the largest party short of the line when every seat is in: 2017, Con 317', () => {
    expect(headline(house({ Con: 317, Lab: 262, SNP: 35, LD: 12, Oth: 24 }))).toEqual({
      kind: 'largest-party',
      party: 'Con',
      text: 'Hung parliament: Con largest party, 9 short of a majority',
    });
  });

  test('calls a hung parliament before the end once the largest party cannot reach the line with every seat left', () => {
    expect(headline(house({ Con: 300, Lab: 290, SNP: 50 })).text).toBe(
      'Hung parliament: Con largest party, can finish no better than 16 short (10 seats to declare)',
    );
  });

  test('names parties level on seats rather than picking one', () => {
    expect(headline(house({ Con: 100, Lab: 100 })).text).toBe('Con and Lab level on 100 seats (450 seats to declare)');
    expect(headline(house({ Con: 300, Lab: 300, LD: 50 })).text).toBe('Hung parliament: Con and Lab level on 300 seats');
  });

  test('never makes the Speaker or independents the largest party', () => {
    expect(headline(house({ Spk: 1, Ind: 2, Con: 1 })).text).toBe('Con need 325 more for a majority (646 seats to declare)');
  });

  test('gives a one-seat contest its winner, not a majority', () => {
    expect(headline(house({ Lab: 1 }, 1)).text).toBe('Lab win');
  });

  test('changes when a declaration changes the party table', () => {
    const before = headline(house({ Con: 325, Lab: 300 }));
    const after = headline(house({ Con: 326, Lab: 300 }));
    expect(before.kind).toBe('needs');
    expect(after.text).toBe('Con win a majority (24 seats to declare)');
  });
});

describe('the headline as a story (what a webhook announces)', () => {
  test('the same story while only the seat counts move', () => {
    expect(sameStory(headline(house({ Con: 100, Lab: 90 })), headline(house({ Con: 140, Lab: 120 })))).toBe(true);
  });

  test('a new story when the leader changes, the parties draw level or a majority is won', () => {
    const needs = headline(house({ Con: 100, Lab: 90 }));
    expect(sameStory(needs, headline(house({ Con: 100, Lab: 101 })))).toBe(false);
    expect(sameStory(needs, headline(house({ Con: 100, Lab: 100 })))).toBe(false);
    expect(sameStory(needs, headline(house({ Con: 326, Lab: 90 })))).toBe(false);
  });
});
