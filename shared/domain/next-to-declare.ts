/**
 * Next to declare: the seats still to come in the order they are expected,
 * a recount flagged wherever it is, and a seat overdue once it is more than
 * half an hour past its expected time.
 */
import type { SeatState } from '../protocol/schemas.ts';

export const OVERDUE_AFTER_MINUTES = 30;

export interface NextSeat {
  code: string;
  name: string;
  expectedAt: string;
  /** Minutes past the expected time, when over OVERDUE_AFTER_MINUTES; else null. */
  overdueMinutes: number | null;
  recount: boolean;
}

export function nextToDeclare(
  seatStates: readonly SeatState[],
  expectedTimes: Readonly<Record<string, string>>,
  now: Date,
  limit = 8,
): NextSeat[] {
  const due = seatStates
    // A rushed seat has declared its winner (ADR 0024): it is not still to come.
    .filter((s) => s.status !== 'declared' && s.status !== 'rushed' && expectedTimes[s.code] !== undefined)
    .map((s): NextSeat => {
      const late = (now.getTime() - Date.parse(expectedTimes[s.code])) / 60_000;
      return {
        code: s.code,
        name: s.name,
        expectedAt: expectedTimes[s.code],
        overdueMinutes: late > OVERDUE_AFTER_MINUTES ? Math.floor(late) : null,
        recount: s.status === 'recount',
      };
    })
    .sort((a, b) => Date.parse(a.expectedAt) - Date.parse(b.expectedAt) || a.name.localeCompare(b.name));
  return due.slice(0, limit);
}
