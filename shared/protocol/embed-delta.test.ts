import { describe, expect, test } from 'vitest';
import { applyDelta, diffReply, sameJson } from './embed-delta.ts';

type Reply = { kind: string; seq: number; lastUpdate: string; seatStates: ReturnType<typeof seat>[]; [more: string]: unknown };

/** A reply much like the latest embed's: seats by code, each with candidates by party. */
const seat = (code: string, votes: number[], version = 1) => ({
  code,
  name: `Seat ${code}`,
  version,
  outcome: { candidates: votes.map((v, i) => ({ party: ['Lab', 'Con', 'LD', 'Grn'][i], votes: v })) },
});
const reply = (seq: number, seats: ReturnType<typeof seat>[], extra: Record<string, unknown> = {}): Reply => ({
  kind: 'latest',
  seq,
  lastUpdate: `2019-12-13T0${seq % 10}:00:00Z`,
  seatStates: seats,
  ...extra,
});

const frozen = <T>(value: T): T => {
  const freeze = (x: unknown): unknown => (typeof x === 'object' && x !== null ? Object.freeze(Object.values(x).forEach(freeze) ?? x) : x);
  freeze(value);
  return value;
};

describe("an embed's changes since the version it holds", () => {
  test('nothing changed: no changes', () => {
    const a = reply(3, [seat('E1', [10, 5])]);
    expect(diffReply(a, structuredClone(a))).toEqual([]);
  });

  test('a value that changed is set, a key that went is dropped, a key that came is added', () => {
    const a = { seq: 1, rush: { party: 'Lab' }, house: { declared: 1, turnout: null } };
    const b = { seq: 2, house: { declared: 2, turnout: { percent: 67.3 } }, lastUpdate: 'now' };
    const ops = diffReply(a, b);
    expect(ops).toEqual([
      ['s', ['seq'], 2],
      ['s', ['house', 'declared'], 2],
      ['s', ['house', 'turnout'], { percent: 67.3 }],
      ['s', ['lastUpdate'], 'now'],
      ['d', ['rush']],
    ]);
    expect(applyDelta(a, ops)).toEqual(b);
  });

  test('a seat coming to the top of the latest list: the others are moved down, not sent again', () => {
    const ten = Array.from({ length: 10 }, (_, i) => seat(`E${i}`, [100 + i, 50]));
    const a = reply(10, ten);
    const b = reply(11, [seat('E99', [7, 3]), ...ten.slice(0, 9)]);
    const ops = diffReply(a, b);
    expect(ops.filter((op) => op[0] === 'm')).toHaveLength(9);
    expect(ops.filter((op) => op[0] === 's' && op[1][0] === 'seatStates').map((op) => op[1])).toEqual([['seatStates', 0]]);
    expect(JSON.stringify(ops).length).toBeLessThan(JSON.stringify(b).length / 3);
    expect(applyDelta(a, ops)).toEqual(b);
  });

  test('a corrected seat moving up, its candidates in a new order: only what changed in it is sent', () => {
    const a = reply(5, [seat('E1', [10, 5]), seat('E2', [30, 20]), seat('E3', [40, 35])]);
    const corrected = seat('E3', [35, 40], 2);
    corrected.outcome.candidates.reverse();
    const b = reply(6, [corrected, seat('E1', [10, 5]), seat('E2', [30, 20])]);
    const ops = diffReply(a, b);
    expect(ops).toContainEqual(['m', ['seatStates', 0], 2]);
    // Inside the moved seat, its candidates are moved too: taken from that seat's own list, not the one that was at the top.
    expect(ops).toContainEqual(['m', ['seatStates', 0, 'outcome', 'candidates', 0], 1]);
    expect(applyDelta(a, ops)).toEqual(b);
  });

  test('the copy held is left as it was, and what did not change is shared with it', () => {
    const a = frozen(reply(1, [seat('E1', [10, 5]), seat('E2', [3, 4])], { parties: [{ code: 'Lab', name: 'Labour' }] }));
    const b = reply(2, [seat('E1', [10, 6]), seat('E2', [3, 4])], { parties: [{ code: 'Lab', name: 'Labour' }] });
    const next = applyDelta(a, diffReply(a, b));
    expect(next).toEqual(b);
    expect(a.seatStates[0].outcome.candidates[1].votes).toBe(5);
    expect(next.parties).toBe(a.parties);
    expect(next.seatStates[1]).toBe(a.seatStates[1]);
  });

  test('deltas applied in order reach the last version, and one delta over several changes reaches it too', () => {
    const versions = [reply(0, [])];
    for (let seq = 1; seq <= 25; seq++) {
      const last = versions[versions.length - 1];
      const code = `E${(seq * 7) % 13}`;
      const others = last.seatStates.filter((s) => s.code !== code);
      const votes = [seq * 3, seq * 2 + (seq % 4) * 2, seq % 5];
      versions.push(reply(seq, [seat(code, votes, seq), ...others].slice(0, 10), { declared: seq, shares: votes.map((v) => v / 10) }));
    }
    let held: unknown = versions[0];
    for (let i = 1; i < versions.length; i++) {
      held = applyDelta(held, diffReply(versions[i - 1], versions[i]));
      expect(held, `after version ${i}`).toEqual(versions[i]);
    }
    expect(applyDelta(versions[3], diffReply(versions[3], versions[25]))).toEqual(versions[25]);
  });

  test('a delta that does not fit the copy held, or names a prototype, is refused rather than half applied', () => {
    expect(() => applyDelta({ a: 1 }, [['s', ['house', 'declared'], 2]])).toThrow(/nothing at house.declared/);
    expect(() => applyDelta({ list: [1] }, [['m', ['list', 0], 4]])).toThrow(/no element 4/);
    expect(() => applyDelta({}, [['s', ['__proto__', 'polluted'], true]])).toThrow(/may not change/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('JSON equality: order of keys does not matter, order in lists does', () => {
    expect(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
  });
});
