import { describe, expect, test } from 'vitest';
import type { Candidate, MayoralCount, Seat, SeatBaseline, SeatState } from '../protocol/schemas.ts';
import { mayoralRace, mayoraltyLabel, runningTotals, votesStillToCome } from './mayoral-race.ts';
import { NO_CONTINUITY } from './party.ts';
import { seatState } from './seat-state.ts';

const LONDON = 'E12000007';
const khan = (votes: number): Candidate => ({ name: 'Sadiq Khan', party: 'Lab', votes });
const hall = (votes: number): Candidate => ({ name: 'Susan Hall', party: 'Con', votes });

const seat = (code: string, name: string, baseline: SeatBaseline = { party: 'Lab' }): Seat => ({
  code,
  name,
  baseline,
  notes: [],
  source: 'test',
});
const undeclared = (s: Seat): SeatState => seatState({ seat: s, latest: null, continuity: NO_CONTINUITY });
const declared = (
  s: Seat,
  candidates: Candidate[],
  extra: { secondRound?: Array<{ name: string; votes: number }>; winnerByLot?: string } = {},
) =>
  seatState({
    seat: s,
    latest: { version: 1, kind: 'declared', reason: null, enteredAt: '', declaration: { candidates, ...extra, enteredAt: '' } },
    continuity: NO_CONTINUITY,
  });

// Three of the fourteen 2024 areas (ITV, 4 May 2024), and London as the Returning Officer declares it.
const barnet = seat('E32000001', 'Barnet and Camden');
const bexley = seat('E32000002', 'Bexley and Bromley', { party: 'Con' });
const westCentral = seat('E32000014', 'West Central', {
  party: 'Con',
  votes: [
    { party: 'Con', votes: 60_000 },
    { party: 'Lab', votes: 50_000 },
  ],
});
const london = seat(LONDON, 'London');
const fptp: MayoralCount = { votingSystem: 'fptp', wholeArea: LONDON, mayor: { name: 'Sadiq Khan', party: 'Lab' } };

describe('running London-wide totals as areas declare', () => {
  test('adds each candidate across the declared areas, with shares of the votes declared so far', () => {
    const totals = runningTotals([
      { code: 'a', name: 'a', candidates: [khan(70984), hall(57465)], secondRound: null },
      { code: 'b', name: 'b', candidates: [hall(111216), khan(48952)], secondRound: null },
      { code: 'c', name: 'c', candidates: null, secondRound: null },
    ]);
    expect(totals).toEqual([
      { name: 'Susan Hall', party: 'Con', votes: 168681, share: 58.44 },
      { name: 'Sadiq Khan', party: 'Lab', votes: 119936, share: 41.56 },
    ]);
  });

  test('the race: leader, gap and areas declared; undeclared, recounted and withdrawn areas add nothing', () => {
    const race = mayoralRace({
      count: fptp,
      seatStates: [
        declared(barnet, [khan(70984), hall(57465)]),
        declared(bexley, [khan(48952), hall(111216)]),
        undeclared(westCentral),
        undeclared(london),
      ],
      continuity: NO_CONTINUITY,
    });
    expect(race).toMatchObject({ areasTotal: 3, areasDeclared: 2, leader: { name: 'Susan Hall', votes: 168681 }, gap: 48745, label: null });
    expect(race.line).toBe('Hall leads by 48,745 with 2 of 3 areas declared');
  });

  test('says "all N areas declared" once every area is in, the line the live blog copies', () => {
    const race = mayoralRace({
      count: fptp,
      seatStates: [declared(barnet, [khan(1088225 - 100), hall(812397)]), declared(bexley, [khan(100), hall(0)]), undeclared(london)],
      continuity: NO_CONTINUITY,
    });
    expect(race.line).toBe('Khan leads by 275,828 with all 2 areas declared');
    expect(race.areasResult?.decision).toMatchObject({ kind: 'elected', winner: { name: 'Sadiq Khan', votes: 1088225 } });
  });
});

describe('the leader cannot now be caught', () => {
  const areas = (third: Candidate[] | null) => [
    { code: 'a', name: 'a', candidates: [khan(100_000), hall(40_000)], secondRound: null },
    { code: 'b', name: 'b', candidates: third, secondRound: null },
  ];

  test('the votes still to come are at most the electorate of the areas not yet declared', () => {
    expect(votesStillToCome(areas(null), { electorates: { a: 300_000, b: 50_000 } })).toBe(50_000);
  });

  test("without every undeclared area's electorate there is no bound from electorates", () => {
    expect(votesStillToCome(areas(null), { electorates: { a: 300_000 } })).toBeNull();
  });

  test('the ballots cast across London less the votes declared is a bound too; the smaller wins', () => {
    expect(votesStillToCome(areas(null), { ballotsCast: 170_000 })).toBe(30_000);
    expect(votesStillToCome(areas(null), { ballotsCast: 170_000, electorates: { b: 50_000 } })).toBe(30_000);
  });

  test('a lead larger than every vote still to come is decided; a lead the rest could close is not', () => {
    const seats = [seat('E32000001', 'A'), seat('E32000002', 'B')];
    const state = (electorateB: number) =>
      mayoralRace({
        count: { ...fptp, electorates: { E32000001: 1, E32000002: electorateB } },
        seatStates: [declared(seats[0], [khan(100_000), hall(40_000)]), undeclared(seats[1])],
        continuity: NO_CONTINUITY,
      });
    expect(state(59_999)).toMatchObject({ gap: 60_000, stillToCome: 59_999, decided: true });
    expect(state(59_999).line).toBe('Khan leads by 60,000 with 1 of 2 areas declared, and cannot now be caught');
    // 60,000 more for Hall would tie: not yet decided.
    expect(state(60_000)).toMatchObject({ decided: false });
  });

  test('with no bound known it cannot be told (null), never guessed', () => {
    const seats = [seat('E32000001', 'A'), seat('E32000002', 'B')];
    const race = mayoralRace({
      count: fptp,
      seatStates: [declared(seats[0], [khan(100_000), hall(1)]), undeclared(seats[1])],
      continuity: NO_CONTINUITY,
    });
    expect(race.decided).toBeNull();
  });

  test('under SV, ballots for eliminated candidates whose second choices are not counted yet can still transfer', () => {
    const seats = [seat('E32000001', 'A'), seat('E32000002', 'B')];
    const sv: MayoralCount = { ...fptp, votingSystem: 'sv', electorates: { E32000001: 1, E32000002: 10_000 } };
    const first = [khan(100_000), hall(60_000), { name: 'Sian Berry', party: 'Green', votes: 35_000 }];
    const before = mayoralRace({ count: sv, seatStates: [declared(seats[0], first), undeclared(seats[1])], continuity: NO_CONTINUITY });
    // 10,000 still to come and 35,000 Green ballots that may transfer: a 40,000 lead is not safe.
    expect(before).toMatchObject({ gap: 40_000, stillToCome: 45_000, decided: false });
    const after = mayoralRace({
      count: sv,
      seatStates: [
        declared(seats[0], first, {
          secondRound: [
            { name: 'Sadiq Khan', votes: 20_000 },
            { name: 'Susan Hall', votes: 5_000 },
          ],
        }),
        undeclared(seats[1]),
      ],
      continuity: NO_CONTINUITY,
    });
    expect(after).toMatchObject({ gap: 55_000, stillToCome: 10_000, decided: true });
  });
});

describe('the London-wide declaration and HOLD/GAIN of the mayoralty', () => {
  test("the Returning Officer's declaration decides, both rounds under SV (2021: Khan 1,206,034 to Bailey 977,601, Lab HOLD)", () => {
    const sv: MayoralCount = { votingSystem: 'sv', wholeArea: LONDON, mayor: { name: 'Sadiq Khan', party: 'Lab', elected: 2016 } };
    const race = mayoralRace({
      count: sv,
      seatStates: [
        undeclared(barnet),
        declared(
          london,
          [khan(1013721), { name: 'Shaun Bailey', party: 'Con', votes: 893051 }, { name: 'Others', party: 'Oth', votes: 624585 }],
          {
            secondRound: [
              { name: 'Sadiq Khan', votes: 192313 },
              { name: 'Shaun Bailey', votes: 84550 },
            ],
          },
        ),
      ],
      continuity: NO_CONTINUITY,
    });
    expect(race.declaredResult?.secondRound?.map((c) => [c.name, c.votes])).toEqual([
      ['Sadiq Khan', 1206034],
      ['Shaun Bailey', 977601],
    ]);
    expect(race.label).toEqual({ kind: 'HOLD', party: 'Lab', from: 'Lab', text: 'Lab HOLD' });
    expect(race.line).toBe('Sadiq Khan (Lab) is elected mayor: Lab HOLD; after second choices Khan 1,206,034, Bailey 977,601');
  });

  test("a different party's winner is a GAIN from the mayor's party; an independent against Labour is a GAIN too", () => {
    expect(mayoraltyLabel('Con', 'Lab', NO_CONTINUITY)?.text).toBe('Con GAIN from Lab');
    expect(mayoraltyLabel('Ind', 'Lab', NO_CONTINUITY)?.text).toBe('Ind GAIN from Lab');
    expect(mayoraltyLabel('Lab Co-op', 'Lab', { aliases: { 'Lab Co-op': 'Lab' }, successors: {} })?.kind).toBe('HOLD');
  });

  test('flags a London-wide figure that differs from the sum of the areas', () => {
    const race = mayoralRace({
      count: fptp,
      seatStates: [declared(barnet, [khan(10), hall(5)]), declared(london, [khan(10), hall(6)])],
      continuity: NO_CONTINUITY,
    });
    expect(race.mismatches).toEqual(['Susan Hall']);
  });
});

describe("change and swing per area against the previous election's area", () => {
  test('an area won by another party than last time is a GAIN, with the swing between the two (West Central 2024)', () => {
    const state = declared(westCentral, [khan(54481), hall(43405)]);
    expect(state.outcome?.label.text).toBe('Lab GAIN from Con');
    // Shares of the two named candidates: Lab 45.45 -> 55.66, Con 54.55 -> 44.34: a swing of 10.2 points from Con to Lab.
    expect(state.outcome?.swing).toEqual({ from: 'Con', to: 'Lab', points: 10.2 });
  });
});
