import { describe, expect, test } from 'vitest';
import { sideBySide } from './wire-rows.ts';

describe('a held wire result beside the desk', () => {
  const wire = [
    { name: 'A Smith', party: 'Con', votes: 100 },
    { name: 'B Jones', party: 'Lab', votes: 90 },
  ];
  test('pairs candidates by party and marks only the figures that differ', () => {
    const rows = sideBySide(wire, [
      { name: 'B JONES', party: 'Lab', votes: 95 },
      { name: 'A Smith', party: 'Con', votes: 100 },
    ]);
    expect(rows.map((r) => [r.party, r.wire?.votes, r.desk?.votes, r.differs])).toEqual([
      ['Con', 100, 100, false],
      ['Lab', 90, 95, true],
    ]);
  });
  test('a candidate only one side has is a difference; with no desk figures nothing is marked', () => {
    expect(
      sideBySide(wire, [
        { name: 'A Smith', party: 'Con', votes: 100 },
        { name: 'C', party: 'Green', votes: 5 },
      ])
        .filter((r) => r.differs)
        .map((r) => r.party),
    ).toEqual(['Lab', 'Green']);
    expect(sideBySide(wire, null).some((r) => r.differs)).toBe(false);
  });
});
