import { foldText } from '../domain/fold.ts';

/**
 * PA names seats its own way ("Antrim East", "Ashton Under Lyne", "Birmingham Edgbaston") where the
 * ONS writes "East Antrim", "Ashton-under-Lyne", "Birmingham, Edgbaston". Two names are the same
 * seat when the same words remain after case, accents, "&"/"and" and punctuation are set aside, in
 * any order. Anything looser would guess, so it is a refusal instead.
 */
export function nameKey(name: string): string {
  return foldText(name.replace(/&/g, ' and ')).split(' ').sort().join(' ');
}

export interface NamedSeat {
  code: string;
  name: string;
}

export type NameMatch = { ok: true; seat: NamedSeat; exact: boolean } | { ok: false; reason: string };

export function seatNameIndex(seats: readonly NamedSeat[]) {
  const byKey = new Map<string, NamedSeat[]>();
  for (const seat of seats) byKey.set(nameKey(seat.name), [...(byKey.get(nameKey(seat.name)) ?? []), seat]);
  return (name: string): NameMatch => {
    const found = byKey.get(nameKey(name)) ?? [];
    if (found.length === 1) return { ok: true, seat: found[0], exact: found[0].name === name };
    if (found.length > 1) return { ok: false, reason: `"${name}" could be any of ${found.map((s) => `${s.name} (${s.code})`).join(', ')}` };
    return { ok: false, reason: `no seat is named like "${name}"` };
  };
}
