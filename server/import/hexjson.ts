/** HexJSON hex cartograms (Open Innovations): one hex per seat, keyed by ONS code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SeatCode } from '../../shared/protocol/schemas.ts';
import { parseJsonText } from './json-file.ts';

export const HexLayout = z.enum(['odd-r', 'even-r', 'odd-q', 'even-q']);
export type HexLayout = z.infer<typeof HexLayout>;

/** Only the fields we draw with; files carry others (region, colour, electorate) that we let pass. */
const HexJsonFile = z
  .object({
    layout: HexLayout,
    hexes: z.record(
      SeatCode,
      z.looseObject({
        n: z.string().trim().min(1, 'must give the seat name'),
        q: z.number().int('must be a whole column number'),
        r: z.number().int('must be a whole row number'),
      }),
    ),
  })
  .superRefine((file, ctx) => {
    const taken = new Map<string, string>();
    for (const [code, hex] of Object.entries(file.hexes)) {
      const at = `${hex.q},${hex.r}`;
      const other = taken.get(at);
      if (other) ctx.addIssue({ code: 'custom', path: ['hexes', code], message: `sits on q,r ${at}, already taken by ${other}` });
      else taken.set(at, code);
    }
  });

export interface Hex {
  code: string;
  name: string;
  q: number;
  r: number;
}

export interface HexMap {
  layout: HexLayout;
  hexes: Hex[];
}

export function parseHexJson(text: string, file = 'HexJSON file'): HexMap {
  const parsed = parseJsonText(text, HexJsonFile, file);
  return {
    layout: parsed.layout,
    hexes: Object.entries(parsed.hexes).map(([code, hex]) => ({ code, name: hex.n, q: hex.q, r: hex.r })),
  };
}

export function readHexJson(file: string): HexMap {
  return parseHexJson(readFileSync(file, 'utf8'), path.basename(file));
}
