/**
 * The London mayoral count from data/london-mayor.json (every figure cited
 * there): the night to import (the 14 areas and London, with the previous
 * count's area results as baselines) and the declarations to replay into it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Candidate, type Election, type Seat, SeatCode } from '../../shared/protocol/schemas.ts';
import { projectRoot } from '../config/project-root.ts';
import type { SeatResult } from './hoc-candidates.ts';
import { parseJsonText } from './json-file.ts';

export const LONDON_MAYOR_PATH = path.resolve(projectRoot, 'data/london-mayor.json');
/** The whole of London as the Greater London Returning Officer declares it (ONS region code). */
export const LONDON = 'E12000007';

const Cited = <T extends z.ZodType>(value: T) => z.object({ votes: value, source: z.string().min(1) });
const AreaResult = z.object({ candidates: z.array(Candidate).min(1), source: z.string().min(1) });
const Leaders = z.object({ year: z.number().int(), Con: z.array(SeatCode), Lab: z.array(SeatCode), source: z.string().min(1) });

const Count = z.object({
  votingSystem: z.enum(['sv', 'fptp']),
  pollingDay: z.iso.date(),
  official: z.object({
    source: z.string().min(1),
    firstChoices: z.array(Candidate).optional(),
    candidates: z.array(Candidate).optional(),
    secondRound: z.array(Candidate).optional(),
  }),
  areas: z.record(SeatCode, AreaResult),
  previousAreaLeaders: Leaders,
  electorates: z.object({ source: z.string(), byArea: z.record(SeatCode, z.number().int().min(0)) }).optional(),
  ballotsCast: Cited(z.number().int().min(0)).optional(),
  notFound: z.array(z.string()),
});

export const LondonMayorFile = z.object({
  areas: z.array(z.object({ code: SeatCode, name: z.string().min(1) })).length(14),
  mayors: z.array(z.object({ elected: z.number().int(), name: z.string(), party: z.string(), source: z.string() })),
  counts: z.record(z.enum(['2021', '2024']), Count),
});
export type LondonMayorFile = z.infer<typeof LondonMayorFile>;
export type CountYear = '2021' | '2024';

export function readLondonMayor(file = LONDON_MAYOR_PATH): LondonMayorFile {
  return parseJsonText(readFileSync(file, 'utf8'), LondonMayorFile, path.relative(process.cwd(), file) || file);
}

/** The first choices (FPTP: votes) of the whole of London, as officially declared. */
export function officialFirstChoices(file: LondonMayorFile, year: CountYear): Candidate[] {
  const official = file.counts[year].official;
  return official.firstChoices ?? official.candidates ?? [];
}

export function londonNight(file: LondonMayorFile, year: CountYear): { election: Election; seats: Seat[] } {
  const count = file.counts[year];
  const previous = Number(year) - (year === '2021' ? 5 : 3);
  const mayor = [...file.mayors].filter((m) => m.elected < Number(year)).at(-1)!;
  const earlier = file.counts[String(previous) as CountYear];
  const leaders = count.previousAreaLeaders;
  const election: Election = {
    id: `london-${year}`,
    name: `London mayor ${year} (rehearsal)`,
    kind: 'mayoral',
    count: {
      votingSystem: count.votingSystem,
      wholeArea: LONDON,
      mayor: { name: mayor.name, party: mayor.party, elected: mayor.elected },
      ...(count.electorates && { electorates: count.electorates.byArea }),
      ...(count.ballotsCast && { ballotsCast: count.ballotsCast.votes }),
    },
    totalSeats: file.areas.length + 1,
    baselineName: `Mayor ${previous}`,
    pollingDay: count.pollingDay,
    // Past results replayed must never pass for a live night.
    mode: 'rehearsal',
  };
  const areas: Seat[] = file.areas.map((area) => {
    const before = earlier?.areas[area.code];
    const party = leaders.Con.includes(area.code) ? 'Con' : 'Lab';
    return {
      code: area.code,
      name: area.name,
      baseline: { party, ...(before && { votes: before.candidates.map((c) => ({ party: c.party, votes: c.votes, name: c.name })) }) },
      notes: [{ text: `Led on first choices by ${party} in ${leaders.year}.`, source: leaders.source }],
      source: before?.source ?? leaders.source,
    };
  });
  const london: Seat = {
    code: LONDON,
    name: 'London (Greater London Returning Officer)',
    baseline: { party: mayor.party, mp: mayor.name },
    notes: [{ text: `${mayor.name} (${mayor.party}) elected mayor in ${mayor.elected}.`, source: mayor.source }],
    source: mayor.source,
  };
  return { election, seats: [...areas, london] };
}

export type MayoralDeclaration = SeatResult & { secondRound?: Array<{ name: string; votes: number }> };

/**
 * The published area declarations in the file's order, then London's. Only the
 * candidates London's official figures name are kept in an area, so a candidate
 * published in one area alone does not pass for a London-wide total.
 */
export function londonDeclarations(file: LondonMayorFile, year: CountYear): MayoralDeclaration[] {
  const count = file.counts[year];
  const official = officialFirstChoices(file, year);
  const named = (c: Candidate) => official.some((o) => o.name === c.name && o.party === c.party);
  const areas = file.areas.flatMap((area) => {
    const result = count.areas[area.code];
    return result ? [{ code: area.code, name: area.name, candidates: result.candidates.filter(named) }] : [];
  });
  const secondRound = count.official.secondRound?.map((c) => ({ name: c.name, votes: c.votes }));
  return [...areas, { code: LONDON, name: 'London', candidates: official, ...(secondRound && { secondRound }) }];
}
