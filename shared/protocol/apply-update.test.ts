import { describe, expect, test } from 'vitest';
import { applyUpdate, houseOnLastOnly } from './apply-update.ts';
import type { ElectionState, ElectionUpdate, HouseSummary } from './schemas.ts';

const house = (declared: number): HouseSummary => ({ partyTable: [], declared, totalSeats: 650, majorityLine: 326, nationalSwing: null });
const update = (seq: number): ElectionUpdate =>
  ({ election: 'ge2019', seq, change: 'declared', seat: { code: `E1400000${seq}` }, house: house(seq), line: '', at: '' }) as unknown as ElectionUpdate;

describe('houseOnLastOnly', () => {
  test('keeps the House figures on the last update of a batch only, in seq order', () => {
    const batch = houseOnLastOnly([update(1), update(2), update(3)]);
    expect(batch.map((u) => u.seq)).toEqual([1, 2, 3]);
    expect(batch.map((u) => u.house?.declared ?? null)).toEqual([null, null, 3]);
  });

  test('leaves a lone update whole', () => {
    expect(houseOnLastOnly([update(7)])[0].house?.declared).toBe(7);
  });
});

describe('applyUpdate', () => {
  const state = { election: { id: 'ge2019' }, seatStates: [], house: house(0), seq: 0 } as unknown as ElectionState;

  test('applies a batch update without House figures and keeps the House until the last one', () => {
    const [first, second] = houseOnLastOnly([update(1), update(2)]);
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
