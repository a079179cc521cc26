import { describe, expect, test } from 'vitest';
import { seatState } from '../../../shared/domain/seat-state.ts';
import { DEFAULT_SCREEN, type ElectionState, type Seat, type SeatState } from '../../../shared/protocol/schemas.ts';
import { keepHeldNames } from './held-names.ts';

const seats: Seat[] = [{ code: 'E14000001', name: 'Aldershot', baseline: { party: 'Con' }, notes: [], source: 'results.csv' }];
const at = '2019-12-13T01:00:00.000Z';
const continuity = { aliases: {}, successors: {} };
const declared = (names: [string, string], votes: [number, number], version = 1): SeatState =>
  seatState({
    seat: seats[0],
    latest: {
      version,
      kind: version === 1 ? 'declared' : 'corrected',
      reason: null,
      enteredAt: at,
      declaration: {
        candidates: [
          { name: names[0], party: 'Lab', votes: votes[0] },
          { name: names[1], party: 'Con', votes: votes[1] },
        ],
        enteredAt: at,
      },
    },
    continuity,
  });
const stateWith = (seat: SeatState, seatList: Seat[] = seats): ElectionState => ({
  election: { id: 'ge2019', name: 'General election 2019', kind: 'general', totalSeats: 1, baselineName: 'GE2017', mode: 'rehearsal' },
  seats: seatList,
  seatStates: [seat],
  parties: [],
  house: { partyTable: [], declared: 1, totalSeats: 1, majorityLine: 1 } as unknown as ElectionState['house'],
  seq: 1,
  generatedAt: at,
  screen: DEFAULT_SCREEN,
  exitPoll: null,
  expectedTimes: {},
});

describe('keepHeldNames', () => {
  const whole = declared(['Ann Able', 'Bob Baker'], [300, 200]);
  const lean = declared(['Ann Able', ''], [300, 200]);

  test('keeps the seat held at the same version with every name (from its update) over the lean snapshot’s', () => {
    const kept = keepHeldNames(stateWith(whole), stateWith(lean));
    expect(kept.seatStates[0]).toBe(whole);
    expect(kept.seatStates[0].outcome!.runnerUp!.name).toBe('Bob Baker');
  });

  test('takes the fresh seat where it changed since (a correction), or where the reference changed', () => {
    const corrected = declared(['Ann Able', ''], [310, 200], 2);
    expect(keepHeldNames(stateWith(whole), stateWith(corrected)).seatStates[0]).toBe(corrected);
    expect(keepHeldNames(stateWith(whole), stateWith(lean, [...seats])).seatStates[0]).toBe(lean);
    expect(keepHeldNames(null, stateWith(lean)).seatStates[0]).toBe(lean);
  });
});
