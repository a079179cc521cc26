/**
 * PA's constituency numbers to the night's seats. On the 2010 boundaries (2010 to 2019) PA's
 * cross-reference (../shared/data/pa/ONS-PA-xref.csv) gives each number its ONS code, and the
 * file's seat name must agree with it. On other boundaries there is no such list: seats are found
 * by name, and every match that is not letter for letter is reported.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { nameKey, seatNameIndex, type NamedSeat } from '../../shared/wire/seat-names.ts';

export interface XrefRow {
  paId: number;
  onsCode: string;
  paName: string;
}

/** The cross-reference file; a number listed twice must say the same both times. */
export function readPaXref(file: string): XrefRow[] {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const byId = new Map<number, XrefRow>();
  rows.forEach((row, i) => {
    const paId = Number(row.pa_id);
    if (!Number.isInteger(paId) || paId < 1 || !/^[EWSN]\d{8}$/.test(row.ons_id ?? ''))
      throw new Error(`${file} line ${i + 2}: needs pa_id and ons_id`);
    const xref = { paId, onsCode: row.ons_id, paName: row.pa_name ?? '' };
    const seen = byId.get(paId);
    if (seen && (seen.onsCode !== xref.onsCode || seen.paName !== xref.paName))
      throw new Error(`${file} line ${i + 2}: PA number ${paId} is listed twice, differently`);
    byId.set(paId, xref);
  });
  return [...byId.values()];
}

export type SeatLookup = { ok: true; code: string; inexact?: string } | { ok: false; reason: string };

export interface PaSeatMap {
  method: 'cross-reference' | 'name';
  /** The seat a message's number and name point at; `inexact` says how a name match was not letter for letter. */
  seatFor(number: number, name: string): SeatLookup;
}

/** The cross-reference when it covers every seat of the night; else names. */
export function paSeatMap(seats: readonly NamedSeat[], xref: readonly XrefRow[] | null): PaSeatMap {
  const byName = seatNameIndex(seats);
  const codes = new Set(seats.map((s) => s.code));
  if (xref && xref.length === seats.length && xref.every((x) => codes.has(x.onsCode))) {
    const byNumber = new Map(xref.map((x) => [x.paId, x]));
    return {
      method: 'cross-reference',
      seatFor(number, name) {
        const x = byNumber.get(number);
        if (!x) return { ok: false, reason: `PA number ${number} is not in the cross-reference` };
        if (nameKey(x.paName) !== nameKey(name))
          return { ok: false, reason: `PA number ${number} is ${x.paName} in the cross-reference, but the file names "${name}"` };
        return { ok: true, code: x.onsCode };
      },
    };
  }
  return {
    method: 'name',
    seatFor(_number, name) {
      const match = byName(name);
      if (!match.ok) return match;
      return {
        ok: true,
        code: match.seat.code,
        ...(!match.exact && { inexact: `PA's "${name}" taken as ${match.seat.name} (${match.seat.code})` }),
      };
    },
  };
}
