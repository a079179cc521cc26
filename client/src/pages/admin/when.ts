import { ukDateTime } from '../../../../shared/domain/uk-time.ts';

/** "2024-07-05 02:31", UK time, for the admin tables. */
export function when(iso: string): string {
  const { date, time } = ukDateTime(new Date(iso));
  return `${date} ${time}`;
}
