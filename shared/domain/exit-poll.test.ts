import { describe, expect, test } from 'vitest';
import type { PartyTableRow, Seat } from '../protocol/schemas.ts';
import { exitPollComparison, exitPollHeadline, exitPollProblems, exitPollRunningLine, nightHeadline } from './exit-poll.ts';
import { NO_CONTINUITY } from './party.ts';

// The broadcasters' exit polls, as published at 22:00 (facts, for rehearsals).
const POLL_2019 = { seats: { Con: 368, Lab: 191, SNP: 55, LD: 13, PC: 3, Green: 1, Brexit: 0, Others: 19 } };
const POLL_2017 = { seats: { Con: 314, Lab: 266, SNP: 34, LD: 14, PC: 3, Green: 1, Others: 18 } };

describe('exitPollProblems', () => {
  test('accepts a poll that fills the House: the real 2017 and 2019 exit polls', () => {
    expect(exitPollProblems(POLL_2019, 650)).toEqual([]);
    expect(exitPollProblems(POLL_2017, 650)).toEqual([]);
  });

  test('refuses seats that do not add up to the House, naming the field and the total', () => {
    expect(exitPollProblems({ seats: { ...POLL_2019.seats, Con: 386 } }, 650)).toEqual([
      { path: 'seats', message: 'must add up to the 650 seats of the House, with Others for the rest (got 668)' },
    ]);
  });

  test('refuses shares over 100 per cent', () => {
    expect(exitPollProblems({ ...POLL_2019, shares: { Con: 60, Lab: 50 } }, 650)[0].path).toBe('shares');
  });
});

describe('exitPollHeadline', () => {
  test('2019: a Conservative majority of 86', () => {
    expect(exitPollHeadline(POLL_2019, 650)).toBe('Exit poll: Con majority of 86');
  });

  test('2017: a hung parliament, the Conservatives 12 short', () => {
    expect(exitPollHeadline(POLL_2017, 650)).toBe('Exit poll: hung parliament, Con largest party, 12 short of a majority');
  });

  test('never makes Others the largest party', () => {
    expect(exitPollHeadline({ seats: { Others: 400, Con: 250 } }, 650)).toBe(
      'Exit poll: hung parliament, Con largest party, 76 short of a majority',
    );
  });
});

describe('exitPollComparison', () => {
  const seat = (code: string, party: string): Seat => ({ code, name: code, baseline: { party }, notes: [], source: 'test' });
  // A House of 10: Con held 4, Lab 4, LD 1, the Speaker 1.
  const seats = [
    ...['E14000001', 'E14000002', 'E14000003', 'E14000004'].map((c) => seat(c, 'Con')),
    ...['E14000005', 'E14000006', 'E14000007', 'E14000008'].map((c) => seat(c, 'Lab')),
    seat('E14000009', 'LD'),
    seat('E14000010', 'Spk'),
  ];
  const row = (party: string, n: number): PartyTableRow => ({
    party,
    seats: n,
    gains: 0,
    losses: 0,
    net: 0,
    votes: 0,
    share: 0,
    shareChange: null,
  });

  test("sets each party's seats so far against its baseline seats among them plus its poll change spread over the House", () => {
    // The poll has Con up 2 (6) and Lab down 2 (2); half the House is in: Con were expected 3 + 1 = 4, Lab 2 - 1 = 1.
    const rows = exitPollComparison({
      poll: { seats: { Con: 6, Lab: 2, Others: 2 } },
      seats,
      partyTable: [row('Con', 5), row('Lab', 0)],
      declaredCodes: new Set(['E14000001', 'E14000002', 'E14000003', 'E14000005', 'E14000006']),
      totalSeats: 10,
      continuity: NO_CONTINUITY,
    });
    expect(rows).toEqual([
      { party: 'Con', poll: 6, declared: 5, implied: 4, difference: 1 },
      { party: 'Lab', poll: 2, declared: 0, implied: 1, difference: -1 },
      { party: 'Others', poll: 2, declared: 0, implied: 0, difference: 0 },
    ]);
    expect(exitPollRunningLine(rows, 5)).toBe('Con are running 1 seat ahead of the exit poll on the 5 seats declared');
  });

  test('counts every party the poll does not name, the Speaker included, as Others', () => {
    const rows = exitPollComparison({
      poll: { seats: { Con: 4, Lab: 4, Others: 2 } },
      seats,
      partyTable: [row('LD', 1), row('Spk', 1)],
      declaredCodes: new Set(['E14000009', 'E14000010']),
      totalSeats: 10,
      continuity: NO_CONTINUITY,
    });
    expect(rows.find((r) => r.party === 'Others')).toEqual({ party: 'Others', poll: 2, declared: 2, implied: 2, difference: 0 });
    expect(exitPollRunningLine(rows, 2)).toBe('Con are in line with the exit poll on the 2 seats declared');
  });

  test("sets the projection's House beside the poll's, parties the poll does not name counted as Others", () => {
    const rows = exitPollComparison({
      poll: { seats: { Con: 6, Lab: 2, Others: 2 } },
      seats,
      partyTable: [row('Con', 1)],
      declaredCodes: new Set(['E14000001']),
      totalSeats: 10,
      continuity: NO_CONTINUITY,
      projection: [
        { party: 'Con', seats: 5 },
        { party: 'Lab', seats: 3 },
        { party: 'LD', seats: 1 },
        { party: 'Spk', seats: 1 },
      ],
    });
    expect(rows.map((r) => [r.party, r.poll, r.projected])).toEqual([
      ['Con', 6, 5],
      ['Lab', 2, 3],
      ['Others', 2, 2],
    ]);
  });
});

describe('nightHeadline', () => {
  const house = (declared: number) => ({
    partyTable: declared ? [{ party: 'Con', seats: declared, gains: 0, losses: 0, net: 0, votes: 1, share: 100, shareChange: null }] : [],
    declared,
    totalSeats: 650,
    majorityLine: 326,
  });

  test("is the exit poll's until the first result", () => {
    expect(nightHeadline(house(0), POLL_2019).text).toBe('Exit poll: Con majority of 86');
  });

  test("is the results' own from the first declaration on", () => {
    expect(nightHeadline(house(1), POLL_2019).text).toBe('Con need 325 more for a majority (649 seats to declare)');
  });

  test('says nothing is declared where there is no exit poll either', () => {
    expect(nightHeadline(house(0), null).text).toBe('No seats declared yet');
  });
});

describe('exitPollComparison and party continuity', () => {
  test('counts a party the poll names by its old code (Brexit) under the code it is counted by now (RUK)', () => {
    const seats: Seat[] = [{ code: 'E14000001', name: 'A', baseline: { party: 'Con' }, notes: [], source: 'test' }];
    const rows = exitPollComparison({
      poll: { seats: { Brexit: 1, Others: 0 } },
      seats,
      partyTable: [{ party: 'RUK', seats: 1, gains: 1, losses: 0, net: 1, votes: 1, share: 100, shareChange: null }],
      declaredCodes: new Set(['E14000001']),
      totalSeats: 1,
      continuity: { aliases: {}, successors: { Brexit: 'RUK' } },
    });
    expect(rows[0]).toEqual({ party: 'Brexit', poll: 1, declared: 1, implied: 1, difference: 0 });
  });
});
