import { describe, expect, test } from 'vitest';
import type { SeatBaseline } from '../protocol/schemas.ts';
import { seatOutcome } from './outcome.ts';
import { NO_CONTINUITY } from './party.ts';
import { projectElection, projectHouse, projectionLine, projectionRegion, projectionRegions, type ProjectionSeat } from './projection.ts';

const withVotes = (party: string, votes: Record<string, number>): SeatBaseline => ({
  party,
  votes: Object.entries(votes).map(([p, v]) => ({ party: p, votes: v })),
});
const winnerOnly = (party: string): SeatBaseline => ({ party });

const undeclared = (code: string, baseline: SeatBaseline): ProjectionSeat => ({ code, baseline, outcome: null });
const declared = (code: string, baseline: SeatBaseline, votes: Record<string, number>): ProjectionSeat => ({
  code,
  baseline,
  outcome: seatOutcome({
    declaration: { candidates: Object.entries(votes).map(([party, v]) => ({ name: party, party, votes: v })) },
    baseline,
    continuity: NO_CONTINUITY,
  }),
});
const seatsOf = (projection: ReturnType<typeof projectHouse>, party: string) =>
  projection?.parties.find((p) => p.party === party)?.seats ?? 0;
const code = (nation: 'E' | 'S', n: number) => `${nation}1400${String(n).padStart(4, '0')}`;

describe('projectHouse', () => {
  test('there is no projection before the first declaration', () => {
    expect(projectHouse({ seats: [undeclared(code('E', 1), winnerOnly('Con'))], totalSeats: 1, continuity: NO_CONTINUITY })).toBeNull();
  });

  test('every seat declared: the projection is the seats won, resting on all of them', () => {
    const seats = [
      declared(code('E', 1), withVotes('Con', { Con: 60, Lab: 40 }), { Con: 30, Lab: 70 }),
      declared(code('E', 2), withVotes('Con', { Con: 60, Lab: 40 }), { Con: 55, Lab: 45 }),
    ];
    const projection = projectHouse({ seats, totalSeats: 2, continuity: NO_CONTINUITY })!;
    expect(projection.restsOn).toBe(2);
    expect(projection.parties).toEqual([
      { party: 'Con', seats: 1, declared: 1 },
      { party: 'Lab', seats: 1, declared: 1 },
    ]);
  });

  test("regional uniform swing: the declared seats' share change, applied to a seat's baseline, takes a narrow lead and leaves a wide one", () => {
    // Four declared English seats, each Con -10 and Lab +10 on the baseline.
    const seats = [1, 2, 3, 4].map((n) => declared(code('E', n), withVotes('Con', { Con: 55, Lab: 45 }), { Con: 45, Lab: 55 }));
    seats.push(undeclared(code('E', 5), withVotes('Con', { Con: 52, Lab: 48 }))); // a 4-point lead: gone on a 20-point turn
    seats.push(undeclared(code('E', 6), withVotes('Con', { Con: 80, Lab: 20 }))); // a 60-point lead: held
    const projection = projectHouse({ seats, totalSeats: 6, continuity: NO_CONTINUITY })!;
    expect(seatsOf(projection, 'Lab')).toBe(5);
    expect(seatsOf(projection, 'Con')).toBe(1);
    expect(projection.restsOn).toBe(4);
    expect(projection.method).toBe('swing');
  });

  test("the swing is regional: Scotland's turn does not carry over whole to an English seat", () => {
    const seats: ProjectionSeat[] = [];
    // Eight English seats with no change at all; four Scottish seats where Con fell 20 points.
    for (let n = 1; n <= 8; n++) seats.push(declared(code('E', n), withVotes('Lab', { Lab: 50, Con: 50 - 1 }), { Lab: 50, Con: 49 }));
    for (let n = 1; n <= 4; n++) seats.push(declared(code('S', n), withVotes('Con', { Con: 60, SNP: 40 }), { Con: 40, SNP: 60 }));
    seats.push(undeclared(code('E', 20), withVotes('Con', { Con: 53, Lab: 47 })));
    seats.push(undeclared(code('S', 20), withVotes('Con', { Con: 53, SNP: 47 })));
    const projection = projectHouse({ seats, totalSeats: seats.length, continuity: NO_CONTINUITY })!;
    // Declared: Lab 8, SNP 4. The English Con seat stays Con; the Scottish one goes SNP.
    expect(seatsOf(projection, 'Con')).toBe(1);
    expect(seatsOf(projection, 'SNP')).toBe(5);
    expect(seatsOf(projection, 'Lab')).toBe(8);
  });

  test("winners only: a seat goes the way its holder's declared seats in the region are changing hands", () => {
    const seats: ProjectionSeat[] = [];
    // Of 20 declared seats Con held, Lab took 10: half of Con's seats still to come are projected Lab.
    for (let n = 1; n <= 20; n++) {
      seats.push(declared(code('E', n), winnerOnly('Con'), n <= 10 ? { Lab: 2, Con: 1 } : { Con: 2, Lab: 1 }));
    }
    for (let n = 21; n <= 40; n++) seats.push(undeclared(code('E', n), winnerOnly('Con')));
    // Lab's own seats, none declared: nothing says they move, so they stay Lab.
    for (let n = 41; n <= 50; n++) seats.push(undeclared(code('E', n), winnerOnly('Lab')));
    const projection = projectHouse({ seats, totalSeats: 50, continuity: NO_CONTINUITY })!;
    expect(seatsOf(projection, 'Lab')).toBe(10 + 10 + 10);
    expect(seatsOf(projection, 'Con')).toBe(10 + 10);
    expect(projection.method).toBe('changing-hands');
  });

  test('fractions of seats are rounded once, and the projection adds up to the seats of the House', () => {
    const seats: ProjectionSeat[] = [];
    for (let n = 1; n <= 3; n++) seats.push(declared(code('E', n), winnerOnly('Con'), n === 1 ? { Lab: 2, Con: 1 } : { Con: 2, Lab: 1 }));
    for (let n = 4; n <= 10; n++) seats.push(undeclared(code('E', n), winnerOnly('Con')));
    const projection = projectHouse({ seats, totalSeats: 10, continuity: NO_CONTINUITY })!;
    expect(projection.parties.reduce((sum, p) => sum + p.seats, 0)).toBe(10);
    expect(projection.parties.every((p) => Number.isInteger(p.seats))).toBe(true);
  });
});

describe('projectionRegions', () => {
  test("a seat's region is the hex map's where it gives one, else its nation from the ONS code", () => {
    const regionOf = projectionRegions([{ code: 'E14000530', region: 'SE' }, { code: 'E14000531' }]);
    expect(regionOf('E14000530')).toBe('SE');
    expect(regionOf('E14000531')).toBe('England');
    expect(regionOf('S14000001')).toBe('Scotland');
    expect(projectionRegion('N06000001')).toBe('Northern Ireland');
  });
});

describe('projectionLine', () => {
  test('says it is a projection, how many seats it rests on, and what it foretells', () => {
    const line = (restsOn: number, seats: Record<string, number>) =>
      projectionLine({
        restsOn,
        totalSeats: 650,
        method: 'swing',
        parties: Object.entries(seats).map(([party, n]) => ({ party, seats: n, declared: 0 })),
      });
    expect(line(320, { Con: 362, Lab: 205, SNP: 48, LD: 11, Others: 24 })).toBe('Projection on 320 seats declared: Con majority of 74');
    expect(line(1, { Con: 314, Lab: 266, SNP: 35, Others: 35 })).toBe(
      'Projection on 1 seat declared: hung parliament, Con largest party, 12 short of a majority',
    );
  });
});

describe('projectElection', () => {
  test("projects from a screen's state: seat states by code, the hex map's regions", () => {
    const seats = [
      { code: code('E', 1), baseline: winnerOnly('Con') },
      { code: code('E', 2), baseline: winnerOnly('Con') },
    ];
    const won = declared(code('E', 1), winnerOnly('Con'), { Lab: 2, Con: 1 });
    const projection = projectElection({
      seats,
      seatStates: [
        { code: code('E', 1), outcome: won.outcome },
        { code: code('E', 2), outcome: null },
      ],
      totalSeats: 2,
      continuity: NO_CONTINUITY,
      hexes: [
        { code: code('E', 1), region: 'NE' },
        { code: code('E', 2), region: 'NE' },
      ],
    })!;
    expect(projection.restsOn).toBe(1);
    // The one Con seat declared went Lab, so the undeclared Con seat leans Lab too.
    expect(projection.parties).toEqual([{ party: 'Lab', seats: 2, declared: 1 }]);
  });
});
