/**
 * A whole PA-format night from the Library's results, for rehearsals and tests: nominations for
 * every seat, then in the replay's order and schedule a rush before some results, the results,
 * a few wrong first revisions put right by a second, one revision that changes nothing, a few
 * recounts, and a state of parties every few results. The final figures are the Library's, so
 * a night ingested from it ends equal to `npm run tally` of the same files.
 */
import { seatOutcome } from '../../shared/domain/outcome.ts';
import type { Candidate, PartyContinuity, Seat } from '../../shared/protocol/schemas.ts';
import { nightSchedule, shuffled } from '../cli/replay-night.ts';
import type { SeatResult } from '../import/hoc-candidates.ts';
import { tallyNight } from '../import/tally-night.ts';
import { paFileName, paFolder, type PaKind } from './pa-file-name.ts';
import type { XrefRow } from './pa-seats.ts';
import { nominationsXml, recountXml, resultXml, rushXml, sopXml, type PaElection, type PaSeatOut } from './pa-writer.ts';

export interface Drop {
  folder: 'nominations' | 'results';
  name: string;
  xml: string;
  /** Seconds after the polls close. */
  at: number;
}

export interface PaNightInput {
  election: PaElection;
  /** The {Election} part of file names: Test_General_Election marks a TEST night. */
  prefix: string;
  results: readonly SeatResult[];
  baseline: readonly Seat[];
  continuity: PartyContinuity;
  electorates?: ReadonlyMap<string, number>;
  /** PA's numbers on the 2010 boundaries; otherwise seats are numbered in name order under their own names. */
  xref?: readonly XrefRow[] | null;
  seed: number;
  totalSeats: number;
  /** A rush before every nth result (0: none). */
  rushEvery?: number;
  /** A state of parties after every nth result, and after the last. */
  sopEvery?: number;
  revisions?: number;
  recounts?: number;
}

export function paNumbers(results: readonly SeatResult[], xref: readonly XrefRow[] | null | undefined): Map<string, PaSeatOut> {
  const byCode = new Map((xref ?? []).map((x) => [x.onsCode, x]));
  if (xref && results.every((r) => byCode.has(r.code))) {
    return new Map(results.map((r) => [r.code, { number: byCode.get(r.code)!.paId, name: byCode.get(r.code)!.paName }]));
  }
  const sorted = [...results].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return new Map(sorted.map((r, i) => [r.code, { number: i + 1, name: r.name }]));
}

/** A first revision typed wrong: the last-placed candidate given a few votes too many (never enough to change the winner). */
function mistyped(candidates: readonly Candidate[]): Candidate[] {
  const last = candidates.reduce((low, c) => (c.votes < low.votes ? c : low), candidates[0]);
  return candidates.map((c) => (c === last && candidates.length > 1 ? { ...c, votes: c.votes + 7 } : c));
}

export function planPaNight(input: PaNightInput): Drop[] {
  const { election, prefix, continuity, seed } = input;
  const rushEvery = input.rushEvery ?? 3;
  const sopEvery = input.sopEvery ?? 50;
  const numbers = paNumbers(input.results, input.xref);
  const baselineOf = new Map(input.baseline.map((s) => [s.code, s.baseline]));
  const order = shuffled(input.results, seed);
  const schedule = nightSchedule(order.length, seed);
  const pollsClose = new Date(`${election.date}T22:00:00Z`).getTime();
  const drops: Drop[] = [];
  const drop = (kind: PaKind, seat: PaSeatOut | null, revision: number, xml: string, at: number) =>
    drops.push({
      folder: paFolder(kind),
      name: paFileName({ election: prefix, kind, constituency: seat?.number ?? null, revision }),
      xml,
      at,
    });

  for (const r of input.results)
    drop('nominations', numbers.get(r.code)!, 1, nominationsXml(election, numbers.get(r.code)!, r.candidates), -3600);

  // Spread the few revisions and recounts over the night, never on the same seat.
  const every = (count: number, offset: number) => (i: number) => count > 0 && i % Math.max(1, Math.floor(order.length / count)) === offset;
  const revised = every(input.revisions ?? 5, 5);
  const recounted = every(input.recounts ?? 3, 11);
  const declared: SeatResult[] = [];

  order.forEach((r, i) => {
    const seat = numbers.get(r.code)!;
    const baseline = baselineOf.get(r.code);
    if (!baseline) throw new Error(`${r.name} (${r.code}) has no baseline: are the two files on the same boundaries?`);
    const outcome = seatOutcome({ declaration: { candidates: r.candidates }, baseline, continuity });
    const at = schedule[i];
    const gainOrHold = outcome.label.kind === 'GAIN' ? 'gain' : 'hold';
    const result = (revision: number, candidates: readonly Candidate[]) =>
      resultXml(election, seat, {
        revision,
        declarationTime: new Date(pollsClose + at * 1000).toISOString(),
        electorate: input.electorates?.get(r.code),
        gainOrHold,
        winningParty: outcome.winner.party,
        sittingParty: baseline.party,
        majority: outcome.majority,
        candidates,
        winner: candidates.find((c) => c.name === outcome.winner.name && c.party === outcome.winner.party)!,
      });
    if (recounted(i)) drop('recount', seat, 1, recountXml(election, seat, 1), at - 1800);
    else if (rushEvery > 0 && i % rushEvery === 0) {
      drop(
        'rush',
        seat,
        1,
        rushXml(election, seat, { revision: 1, gainOrHold, winningParty: outcome.winner.party, sittingParty: baseline.party }),
        at - 120,
      );
    }
    if (revised(i)) {
      drop('result', seat, 1, result(1, mistyped(r.candidates)), at);
      drop('result', seat, 2, result(2, r.candidates), at + 600);
    } else {
      drop('result', seat, 1, result(1, r.candidates), at);
      // One revision that changes nothing, as PA sometimes sends.
      if (i === 1) drop('result', seat, 2, result(2, r.candidates), at + 300);
    }
    declared.push(r);
    if ((sopEvery > 0 && declared.length % sopEvery === 0) || declared.length === order.length) {
      const { house } = tallyNight({ baseline: input.baseline, results: declared, continuity, totalSeats: input.totalSeats });
      drop(
        'SOP',
        null,
        declared.length,
        sopXml(election, {
          results: declared.length,
          totalSeats: input.totalSeats,
          parties: house.partyTable.map((p) => ({
            party: p.party,
            seats: p.seats,
            gains: p.gains,
            losses: p.losses,
            votes: p.votes,
            share: p.share,
          })),
          included: declared.map((d) => numbers.get(d.code)!),
        }),
        at + 1,
      );
    }
  });
  return drops.sort((a, b) => a.at - b.at);
}
