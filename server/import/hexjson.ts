/** HexJSON hex cartograms (Open Innovations): one hex per seat, keyed by ONS code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { HexLayout, SeatCode, type HexPosition } from '../../shared/protocol/schemas.ts';
import { parseJsonText } from './json-file.ts';

/** Only the fields we draw with and the region; files carry others (colour, electorate) that we let pass. */
const HexJsonFile = z
  .object({
    layout: HexLayout,
    // Keys are checked below, so the message can say which key is wrong.
    hexes: z.record(
      z.string(),
      z.looseObject({
        n: z.string().trim().min(1, 'must give the seat name'),
        q: z.number().int('must be a whole column number'),
        r: z.number().int('must be a whole row number'),
        /** The region (NE, NW, ..., S, W, NI): the projection's regions. */
        a: z.string().trim().min(1).max(40).optional(),
      }),
    ),
  })
  .superRefine((file, ctx) => {
    const taken = new Map<string, string>();
    for (const [code, hex] of Object.entries(file.hexes)) {
      if (!SeatCode.safeParse(code).success) {
        ctx.addIssue({ code: 'custom', path: ['hexes', code], message: `key '${code}' must be an ONS code such as E14000654` });
      }
      const at = `${hex.q},${hex.r}`;
      const other = taken.get(at);
      if (other) ctx.addIssue({ code: 'custom', path: ['hexes', code], message: `sits on q,r ${at}, already taken by ${other}` });
      else taken.set(at, code);
    }
  });

/**
 * What a HexJSON file says: where each seat's hex sits, with the seat's name as the
 * file spells it (matched to seats by name where a code has changed).
 */
export interface HexJsonMap {
  layout: HexLayout;
  hexes: (HexPosition & { name: string })[];
}

export function parseHexJson(text: string, file = 'HexJSON file'): HexJsonMap {
  const parsed = parseJsonText(text, HexJsonFile, file);
  return {
    layout: parsed.layout,
    hexes: Object.entries(parsed.hexes).map(([code, hex]) => ({
      code,
      name: hex.n,
      q: hex.q,
      r: hex.r,
      ...(hex.a ? { region: hex.a } : {}),
    })),
  };
}

export function readHexJson(file: string): HexJsonMap {
  return parseHexJson(readFileSync(file, 'utf8'), path.basename(file));
}

export interface HexRekey {
  name: string;
  from: string;
  to: string;
}

/**
 * Join a hex map to the seats of a results file. Codes are the key, but
 * published maps lag behind code changes: the 2024 map keeps the old codes
 * (S140000xx) of five Scottish seats the 2024 results list under new ones
 * (S140001xx). A hex whose code is unknown takes the code of the unmatched
 * seat with the same name; every such change is returned so it can be shown.
 */
export function matchHexesToSeats(
  map: HexJsonMap,
  seats: readonly { code: string; name: string }[],
): { map: HexJsonMap; rekeyed: HexRekey[] } {
  const seatCodes = new Set(seats.map((s) => s.code));
  const hexCodes = new Set(map.hexes.map((h) => h.code));
  const unmatchedByName = new Map(seats.filter((s) => !hexCodes.has(s.code)).map((s) => [s.name, s.code]));
  const rekeyed: HexRekey[] = [];
  const hexes = map.hexes.map((hex) => {
    const to = seatCodes.has(hex.code) ? undefined : unmatchedByName.get(hex.name);
    if (to === undefined) return hex;
    rekeyed.push({ name: hex.name, from: hex.code, to });
    return { ...hex, code: to };
  });
  return { map: { ...map, hexes }, rekeyed };
}
