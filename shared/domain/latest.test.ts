import { describe, expect, test } from 'vitest';
import type { SeatState } from '../protocol/schemas.ts';
import { latestChanged } from './latest.ts';

const seat = (code: string, updatedAt: string | null): SeatState => ({
  code,
  name: code,
  status: updatedAt ? 'declared' : 'undeclared',
  version: updatedAt ? 1 : 0,
  lastChange: updatedAt ? 'declared' : null,
  lastReason: null,
  declaration: null,
  outcome: null,
  updatedAt,
});

describe('latestChanged', () => {
  test('gives the most recently changed seats, newest first, leaving out seats never declared', () => {
    const seats = [
      seat('E14000001', '2019-12-13T01:00:00.000Z'),
      seat('E14000002', null),
      seat('E14000003', '2019-12-13T03:00:00.000Z'),
      seat('E14000004', '2019-12-13T02:00:00.000Z'),
      seat('E14000005', '2019-12-12T23:30:00.000Z'),
    ];
    expect(latestChanged(seats, 3).map((s) => s.code)).toEqual(['E14000003', 'E14000004', 'E14000001']);
  });
});
