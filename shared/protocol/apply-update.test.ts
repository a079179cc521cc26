import { describe, expect, test } from 'vitest';
import { DEFAULT_SCREEN } from './schemas.ts';
import type { ElectionState, ElectionUpdate, HouseSummary } from './schemas.ts';
import { applyUpdate, houseOnLastOnly } from './apply-update.ts';
import { undeclaredSeat } from '../domain/seat-state.ts';

const undeclared = (code: string, name: string) => undeclaredSeat({ code, name });

function house(declared: number): HouseSummary {
  return { partyTable: [], declared, totalSeats: 650, majorityLine: 326, nationalSwing: null, turnout: null };
}

function makeState(seq: number): ElectionState {
  return {
    election: {
      id: 'ge2017',
      name: 'General election 2017',
      kind: 'general',
      totalSeats: 650,
      baselineName: 'GE2015',
      mode: 'test',
    },
    seats: [],
    seatStates: [undeclared('E14000654', 'Croydon Central'), undeclared('E14000530', 'Barrow and Furness')],
    parties: [],
    house: house(0),
    seq,
    generatedAt: '2017-06-08T22:00:00Z',
    screen: DEFAULT_SCREEN,
    exitPoll: null,
    expectedTimes: {},
  };
}

function declaredUpdate(seq: number, code: string, at: string): ElectionUpdate {
  return {
    election: 'ge2017',
    seq,
    change: 'declared',
    seat: { ...undeclared(code, code), status: 'declared', version: 1, lastChange: 'declared', updatedAt: at },
    house: house(seq),
    line: `${code}: declared`,
    at,
  };
}

describe('applyUpdate', () => {
  test('applies the next update in sequence, replacing that seat and the House figures', () => {
    const state = makeState(4);
    const result = applyUpdate({ state, update: declaredUpdate(5, 'E14000654', '2017-06-09T01:31:00Z') });
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    expect(result.state.seq).toBe(5);
    expect(result.state.house.declared).toBe(5);
    expect(result.state.seatStates.find((s) => s.code === 'E14000654')?.status).toBe('declared');
    expect(result.state.seatStates.find((s) => s.code === 'E14000530')?.status).toBe('undeclared');
    expect(result.state.seatStates).toHaveLength(2);
  });

  test('applies a run of updates one after another', () => {
    let state = makeState(0);
    for (const [seq, code] of [
      [1, 'E14000654'],
      [2, 'E14000530'],
    ] as const) {
      const result = applyUpdate({ state, update: declaredUpdate(seq, code, '2017-06-09T02:00:00Z') });
      if (result.kind !== 'applied') throw new Error(`update ${seq} was not applied: ${result.kind}`);
      state = result.state;
    }
    expect(state.seq).toBe(2);
    expect(state.seatStates.every((s) => s.status === 'declared')).toBe(true);
  });

  test('leaves the state it was given untouched', () => {
    const state = makeState(0);
    applyUpdate({ state, update: declaredUpdate(1, 'E14000654', '2017-06-09T01:31:00Z') });
    expect(state.seq).toBe(0);
    expect(state.seatStates[0].status).toBe('undeclared');
  });

  test('ignores an update it has already applied or an older one', () => {
    const state = makeState(5);
    expect(applyUpdate({ state, update: declaredUpdate(5, 'E14000654', '2017-06-09T01:31:00Z') })).toEqual({
      kind: 'duplicate',
    });
    expect(applyUpdate({ state, update: declaredUpdate(3, 'E14000654', '2017-06-09T01:31:00Z') })).toEqual({
      kind: 'duplicate',
    });
  });

  test('reports a gap when an update is missing, so the screen asks for the state again', () => {
    const state = makeState(5);
    expect(applyUpdate({ state, update: declaredUpdate(7, 'E14000654', '2017-06-09T01:31:00Z') })).toEqual({
      kind: 'gap',
      expected: 6,
      received: 7,
    });
  });

  test('adds a seat the snapshot did not list rather than dropping it', () => {
    const state = makeState(0);
    const result = applyUpdate({ state, update: declaredUpdate(1, 'E14000999', '2017-06-09T01:31:00Z') });
    expect(result.kind === 'applied' && result.state.seatStates.map((s) => s.code)).toContain('E14000999');
  });

  test('ignores an update for another election', () => {
    const update = { ...declaredUpdate(1, 'E14000654', '2017-06-09T01:31:00Z'), election: 'ge2024' };
    expect(applyUpdate({ state: makeState(0), update })).toEqual({ kind: 'other-election' });
  });
});

const batchHouse = (declared: number): HouseSummary => ({
  partyTable: [],
  declared,
  totalSeats: 650,
  majorityLine: 326,
  nationalSwing: null,
  turnout: null,
});
const batchUpdate = (seq: number): ElectionUpdate =>
  ({
    election: 'ge2019',
    seq,
    change: 'declared',
    seat: { code: `E1400000${seq}` },
    house: batchHouse(seq),
    line: '',
    at: '',
  }) as unknown as ElectionUpdate;

describe('houseOnLastOnly', () => {
  test('keeps the House figures on the last update of a batch only, in seq order', () => {
    const batch = houseOnLastOnly([batchUpdate(1), batchUpdate(2), batchUpdate(3)]);
    expect(batch.map((u) => u.seq)).toEqual([1, 2, 3]);
    expect(batch.map((u) => u.house?.declared ?? null)).toEqual([null, null, 3]);
  });

  test('leaves a lone update whole', () => {
    expect(houseOnLastOnly([batchUpdate(7)])[0].house?.declared).toBe(7);
  });
});

describe('applyUpdate on a batch', () => {
  const state = { election: { id: 'ge2019' }, seatStates: [], house: batchHouse(0), seq: 0 } as unknown as ElectionState;

  test('applies a batch update without House figures and keeps the House until the last one', () => {
    const [first, second] = houseOnLastOnly([batchUpdate(1), batchUpdate(2)]);
    const afterFirst = applyUpdate({ state, update: first });
    if (afterFirst.kind !== 'applied') throw new Error(afterFirst.kind);
    expect(afterFirst.state.house.declared).toBe(0);
    expect(afterFirst.state.seq).toBe(1);
    const afterSecond = applyUpdate({ state: afterFirst.state, update: second });
    if (afterSecond.kind !== 'applied') throw new Error(afterSecond.kind);
    expect(afterSecond.state.house.declared).toBe(2);
    expect(afterSecond.state.seatStates).toHaveLength(2);
  });
});
