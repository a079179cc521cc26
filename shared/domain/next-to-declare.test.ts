import { describe, expect, test } from 'vitest';
import type { SeatState } from '../protocol/schemas.ts';
import { nextToDeclare } from './next-to-declare.ts';

const seat = (code: string, name: string, status: SeatState['status'] = 'undeclared'): SeatState => ({
  code,
  name,
  status,
  version: status === 'undeclared' ? 0 : 1,
  lastChange: status === 'recount' ? 'recount' : status === 'declared' ? 'declared' : null,
  lastReason: null,
  declaration: null,
  outcome: null,
  updatedAt: null,
});

const now = new Date('2019-12-13T01:00:00Z');
const times = {
  E14000001: '2019-12-13T00:20:00Z', // 40 minutes late
  E14000002: '2019-12-13T00:45:00Z', // 15 minutes late: not yet overdue
  E14000003: '2019-12-13T01:30:00Z',
  E14000004: '2019-12-12T23:30:00Z', // declared already
};

describe('nextToDeclare', () => {
  test('lists the seats still to come in the order they are expected, leaving out the declared and those with no time', () => {
    const next = nextToDeclare(
      [
        seat('E14000003', 'Later'),
        seat('E14000001', 'Late'),
        seat('E14000004', 'Done', 'declared'),
        seat('E14000002', 'Soon'),
        seat('E14000005', 'No time'),
      ],
      times,
      now,
    );
    expect(next.map((s) => s.name)).toEqual(['Late', 'Soon', 'Later']);
  });

  test('flags a seat overdue once it is more than 30 minutes past its time', () => {
    const next = nextToDeclare([seat('E14000001', 'Late'), seat('E14000002', 'Soon')], times, now);
    expect(next.map((s) => s.overdueMinutes)).toEqual([40, null]);
  });

  test('flags a recount', () => {
    expect(nextToDeclare([seat('E14000003', 'Counting again', 'recount')], times, now)[0]).toMatchObject({ recount: true });
  });

  test('leaves out a rushed seat: its winner is declared, only the figures are to come (ADR 0024)', () => {
    expect(nextToDeclare([seat('E14000003', 'Rushed', 'rushed'), seat('E14000002', 'Soon')], times, now).map((s) => s.name)).toEqual([
      'Soon',
    ]);
  });
});
