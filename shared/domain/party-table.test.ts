import { describe, expect, test } from 'vitest';
import type { Candidate, PartyContinuity, SeatBaseline } from '../protocol/schemas.ts';
import { seatOutcome } from './outcome.ts';
import { type DeclaredSeat, houseSummary, majorityLine, nationalSwing, partyTable } from './party-table.ts';

const continuity: PartyContinuity = {
  aliases: { Alliance: 'APNI', 'Labour and Co-operative': 'Lab' },
  successors: { Brexit: 'RUK' },
};

const declared = (baseline: SeatBaseline, candidates: Candidate[]): DeclaredSeat => ({
  baseline,
  outcome: seatOutcome({ declaration: { candidates }, baseline, continuity }),
});
const undeclared = (baseline: SeatBaseline): DeclaredSeat => ({ baseline, outcome: null });

const votes = (byParty: Record<string, number>) => Object.entries(byParty).map(([party, v]) => ({ party, votes: v }));
const candidates = (byParty: Record<string, number>): Candidate[] =>
  Object.entries(byParty).map(([party, v]) => ({ name: `${party} candidate`, party, votes: v }));

/**
 * Three declared seats and one undeclared, 3,000 votes each side:
 * now Lab 1,250 (41.67%), Con 1,200 (40%), LD 450 (15%), Green 100 (3.33%);
 * before Con 1,300 (43.33%), Lab 1,300 (43.33%), LD 400 (13.33%).
 */
const night: DeclaredSeat[] = [
  // Lab GAIN from Con
  declared({ party: 'Con', votes: votes({ Con: 500, Lab: 400, LD: 100 }) }, candidates({ Lab: 550, Con: 350, Green: 100 })),
  // Lab HOLD
  declared({ party: 'Lab', votes: votes({ Lab: 600, Con: 300, LD: 100 }) }, candidates({ Lab: 500, Con: 400, LD: 100 })),
  // Con HOLD
  declared({ party: 'Con', votes: votes({ Con: 500, Lab: 300, LD: 200 }) }, candidates({ Con: 450, LD: 350, Lab: 200 })),
  undeclared({ party: 'LD', votes: votes({ LD: 900, Con: 100 }) }),
];

const rowFor = (rows: ReturnType<typeof partyTable>, party: string) => rows.find((r) => r.party === party);

describe('majorityLine', () => {
  test('is 326 of 650 seats: floor(seats / 2) + 1', () => {
    expect(majorityLine(650)).toBe(326);
  });

  test('rounds down before adding one for an odd number of seats', () => {
    expect(majorityLine(651)).toBe(326);
    expect(majorityLine(659)).toBe(330);
  });
});

describe('partyTable', () => {
  test('counts seats won, gains, losses and net change among the seats declared', () => {
    const rows = partyTable(night, continuity);
    expect(rows.map(({ party, seats, gains, losses, net }) => ({ party, seats, gains, losses, net }))).toEqual([
      { party: 'Lab', seats: 2, gains: 1, losses: 0, net: 1 },
      { party: 'Con', seats: 1, gains: 0, losses: 1, net: -1 },
      { party: 'LD', seats: 0, gains: 0, losses: 0, net: 0 },
      { party: 'Green', seats: 0, gains: 0, losses: 0, net: 0 },
    ]);
  });

  test('adds up votes and gives shares over the seats declared so far', () => {
    const rows = partyTable(night, continuity);
    expect(rows.map(({ party, votes, share }) => ({ party, votes, share }))).toEqual([
      { party: 'Lab', votes: 1250, share: 41.67 },
      { party: 'Con', votes: 1200, share: 40 },
      { party: 'LD', votes: 450, share: 15 },
      { party: 'Green', votes: 100, share: 3.33 },
    ]);
  });

  test('gives share change against the baseline votes of the same seats', () => {
    const rows = partyTable(night, continuity);
    expect(Object.fromEntries(rows.map((r) => [r.party, r.shareChange]))).toEqual({
      Lab: -1.67,
      Con: -3.33,
      LD: 1.67,
      Green: 3.33,
    });
  });

  test('gives no share change while any declared seat lacks baseline votes', () => {
    const withPartial = [...night, declared({ party: 'Con', majority: 165 }, candidates({ Lab: 29873, Con: 24221 }))];
    const rows = partyTable(withPartial, continuity);
    expect(rows.every((r) => r.shareChange === null)).toBe(true);
    expect(rowFor(rows, 'Lab')).toMatchObject({ seats: 3, gains: 2, votes: 1250 + 29873 });
  });

  test('leaves undeclared seats out', () => {
    expect(partyTable([undeclared({ party: 'LD' })], continuity)).toEqual([]);
    expect(rowFor(partyTable(night, continuity), 'LD')?.votes).toBe(450);
  });

  test('orders parties by seats, then votes', () => {
    const rows = partyTable(night, continuity);
    expect(rows.map((r) => r.party)).toEqual(['Lab', 'Con', 'LD', 'Green']);
  });

  test('counts a Speaker’s gain as a loss for the party and a gain for no party', () => {
    const rows = partyTable([declared({ party: 'Lab' }, candidates({ Spk: 26831, Green: 3600 }))], continuity);
    expect(rowFor(rows, 'Spk')).toMatchObject({ seats: 1, gains: 0, losses: 0, net: 0 });
    expect(rowFor(rows, 'Lab')).toMatchObject({ seats: 0, gains: 0, losses: 1, net: -1, votes: 0 });
    expect(rows.reduce((n, r) => n + r.gains, 0)).toBe(0);
  });

  test('counts a party winning the Speaker’s seat as a gain for that party and a loss for no party', () => {
    const rows = partyTable([declared({ party: 'Spk' }, candidates({ Lab: 20000, Green: 3600 }))], continuity);
    expect(rowFor(rows, 'Lab')).toMatchObject({ seats: 1, gains: 1, losses: 0, net: 1 });
    expect(rowFor(rows, 'Spk')).toBeUndefined();
  });

  test('counts seats and votes under the configured party (Alliance as APNI, Brexit as RUK)', () => {
    const rows = partyTable(
      [
        declared({ party: 'APNI', votes: votes({ APNI: 600, DUP: 400 }) }, candidates({ Alliance: 700, DUP: 300 })),
        declared({ party: 'Con', votes: votes({ Con: 600, Brexit: 400 }) }, candidates({ RUK: 700, Con: 300 })),
      ],
      continuity,
    );
    expect(rows.map((r) => r.party).sort()).toEqual(['APNI', 'Con', 'DUP', 'RUK']);
    expect(rowFor(rows, 'APNI')).toMatchObject({ seats: 1, gains: 0, votes: 700, share: 35, shareChange: 5 });
    expect(rowFor(rows, 'RUK')).toMatchObject({ seats: 1, gains: 1, votes: 700, share: 35, shareChange: 15 });
  });

  test('counts independents under one row', () => {
    const rows = partyTable(
      [
        declared({ party: 'Ind', mp: 'Sylvia Hermon' }, [
          { name: 'Sylvia Hermon', party: 'Ind', votes: 600 },
          { name: 'Ian Irving', party: 'Ind', votes: 100 },
          { name: 'Claire Hanna', party: 'SDLP', votes: 300 },
        ]),
      ],
      continuity,
    );
    expect(rowFor(rows, 'Ind')).toMatchObject({ seats: 1, gains: 0, losses: 0, votes: 700, share: 70 });
  });
});

describe('nationalSwing', () => {
  test('gives the Butler swing between the two leading parties on the seats declared so far', () => {
    // Lab 43.33 -> 41.67 (-1.67), Con 43.33 -> 40 (-3.33): (-1.67 + 3.33) / 2 = 0.83 from Con to Lab.
    expect(nationalSwing(night, continuity)).toEqual({ from: 'Con', to: 'Lab', points: 0.83 });
  });

  test('gives no swing while any declared seat lacks baseline votes', () => {
    const withPartial = [...night, declared({ party: 'Con', majority: 165 }, candidates({ Lab: 600, Con: 400 }))];
    expect(nationalSwing(withPartial, continuity)).toBeNull();
  });

  test('gives no swing before any seat has declared', () => {
    expect(nationalSwing([undeclared({ party: 'Con', votes: votes({ Con: 1 }) })], continuity)).toBeNull();
  });

  test('leaves independents and the Speaker out of the two leading parties', () => {
    const seats = [
      declared({ party: 'Spk', votes: votes({ Spk: 30000, Green: 3000 }) }, candidates({ Spk: 26831, Green: 3600 })),
      declared({ party: 'Ind', votes: votes({ Ind: 20000, Con: 9000, Lab: 1000 }) }, candidates({ Ind: 19000, Con: 8000, Lab: 3000 })),
      ...night,
    ];
    const swing = nationalSwing(seats, continuity);
    expect([swing?.from, swing?.to].sort()).toEqual(['Con', 'Lab']);
  });
});

describe('houseSummary', () => {
  test('counts the seats declared of the seats in the House, with the majority line', () => {
    const house = houseSummary(night, 650, continuity);
    expect(house.declared).toBe(3);
    expect(house.totalSeats).toBe(650);
    expect(house.majorityLine).toBe(326);
    expect(house.partyTable).toEqual(partyTable(night, continuity));
    expect(house.nationalSwing).toEqual(nationalSwing(night, continuity));
  });
});
