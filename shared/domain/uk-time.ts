/**
 * Declaration times are entered and shown in UK time (Europe/London), whatever the
 * machine's zone: every formatter of a time in the UK is here.
 */

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const dayMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short' });

const stamp = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

function readable(when: Date | string | number): Date | null {
  const date = when instanceof Date ? when : new Date(when);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "02:31:00" in UK time; "" for an unreadable time. */
export function formatUkTime(when: Date | string | number): string {
  const date = readable(when);
  return date ? clock.format(date) : '';
}

/** "9 Jun" in UK time; "" for an unreadable time. */
export function formatUkDay(when: Date | string | number): string {
  const date = readable(when);
  return date ? dayMonth.format(date) : '';
}

/** "9 Jun 2017, 02:31 BST", for a share image that travels without its page; "" for an unreadable time. */
export function formatUkStamp(when: Date | string | number): string {
  const date = readable(when);
  return date ? stamp.format(date) : '';
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

function ukParts(at: Date) {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  // "GMT" in winter, "GMT+01:00" in summer.
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.replace('GMT', '');
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, offset };
}

/** The UK date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function ukDateTime(at: Date): { date: string; time: string } {
  const { date, time } = ukParts(at);
  return { date, time };
}

/**
 * "2017-06-09" and "02:31" in UK time -> "2017-06-09T02:31:00+01:00", or null
 * for something that is not a date and a 24-hour time.
 */
export function ukToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2})[:.]?(\d{2})$/.exec(time.trim());
  if (!d || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  const hhmm = `${t[1].padStart(2, '0')}:${t[2]}`;
  const guess = new Date(`${d[1]}-${d[2]}-${d[3]}T${hhmm}:00Z`);
  if (Number.isNaN(guess.getTime())) return null;
  // The offset in force at that wall-clock time: try the offset at the guess, then check it round-trips.
  for (const probe of [guess, new Date(guess.getTime() - 3600_000)]) {
    const { offset } = ukParts(probe);
    const iso = `${d[1]}-${d[2]}-${d[3]}T${hhmm}:00${offset}`;
    const back = ukParts(new Date(iso));
    if (back.date === date.trim() && back.time === hhmm) return iso;
  }
  return null;
}
