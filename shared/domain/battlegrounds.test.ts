import { describe, expect, test } from 'vitest';
import type { Seat, SeatState } from '../protocol/schemas.ts';
import { seatState } from './seat-state.ts';
import { NO_CONTINUITY } from './party.ts';
import { baselineMarginPercent, seatsToWatch } from './battlegrounds.ts';

const seat = (code: string, name: string, con: number, lab: number, notes: Seat['notes'] = []): Seat => ({
  code,
  name,
  baseline: {
    party: con > lab ? 'Con' : 'Lab',
    votes: [
      { party: 'Con', votes: con },
      { party: 'Lab', votes: lab },
    ],
  },
  notes,
  source: 'test',
});
const undeclared = (s: Seat): SeatState => seatState({ seat: s, latest: null, continuity: NO_CONTINUITY });
const declared = (s: Seat, con: number, lab: number): SeatState => {
  const declaration = {
    candidates: [
      { name: 'C', party: 'Con', votes: con },
      { name: 'L', party: 'Lab', votes: lab },
    ],
    enteredAt: '',
    enteredBy: 'x',
  };
  return seatState({
    seat: s,
    latest: { version: 1, kind: 'declared', reason: null, enteredAt: '', declaration },
    continuity: NO_CONTINUITY,
  });
};

const safe = seat('E14000001', 'Safe', 30_000, 10_000);
const close = seat('E14000002', 'Close', 20_100, 20_000);
const middling = seat('E14000003', 'Middling', 22_000, 18_000);

describe('baselineMarginPercent', () => {
  test("is the baseline winner's lead over the runner-up as a per cent of the votes", () => {
    expect(baselineMarginPercent(middling.baseline)).toBeCloseTo(10);
  });
  test('is unknown for a baseline with the winner only', () => {
    expect(baselineMarginPercent({ party: 'Con', majority: 165 })).toBeNull();
  });
});

describe('seatsToWatch', () => {
  test("shows the seats editors flagged, in their order, before the articles' and the closest contests", () => {
    const noted = seat('E14000004', 'Noted', 20_000, 19_000, [{ text: 'A bellwether', source: 'article' }]);
    const seats = [safe, close, middling, noted];
    const watch = seatsToWatch(seats, seats.map(undeclared), { chosen: ['E14000001', 'E14000003'] });
    expect(watch.kind).toBe('chosen');
    expect(watch.seats.map((s) => s.name)).toEqual(['Safe', 'Middling']);
    // An empty list (the desk cleared its flags) falls back to the articles' seats.
    expect(seatsToWatch(seats, seats.map(undeclared), { chosen: [] }).kind).toBe('flagged');
  });

  test('shows the seats the articles flagged where there are any', () => {
    const flagged = seat('E14000004', 'Flagged', 30_000, 1_000, [{ text: 'a seat to watch', source: 'article' }]);
    const seats = [safe, close, flagged];
    expect(seatsToWatch(seats, seats.map(undeclared))).toEqual({ kind: 'flagged', seats: [flagged] });
  });

  test('with none flagged, shows the most marginal seats still to declare, closest first', () => {
    const seats = [safe, close, middling];
    const states = [undeclared(safe), declared(close, 1, 2), undeclared(middling)];
    expect(seatsToWatch(seats, states, { limit: 2 })).toEqual({ kind: 'closest-to-declare', seats: [middling, safe] });
  });

  test('once every seat is in, shows the narrowest results of the night: never an empty panel', () => {
    const seats = [safe, close, middling];
    const states = [declared(safe, 20_000, 19_000), declared(close, 30_000, 10_000), declared(middling, 25_000, 20_000)];
    expect(seatsToWatch(seats, states, { limit: 2 })).toEqual({ kind: 'closest-declared', seats: [safe, middling] });
  });

  test('has nothing to show only where no seat has baseline votes and nothing is declared', () => {
    const winnersOnly: Seat = { code: 'E14000005', name: 'Winner only', baseline: { party: 'Con' }, notes: [], source: 'test' };
    expect(seatsToWatch([winnersOnly], [undeclared(winnersOnly)])).toEqual({ kind: 'none', seats: [] });
  });
});
