/**
 * What the entry desk works out from the form as typed, pure: the party codes the election does not know, the
 * figures, the preview as the screens will show it, the problems worth stopping for, and what is sent.
 * Validation is the server's; these only help the editor see a slip before it goes out.
 */
import { declarationProblems } from '../../../shared/domain/declaration.ts';
import { seatOutcome } from '../../../shared/domain/outcome.ts';
import { suggestParty } from '../../../shared/domain/party-codes.ts';
import type { Outcome, Party, PartyContinuity, SeatBaseline } from '../../../shared/protocol/schemas.ts';
import { isWhole, parseCount, type ReadRows } from './entry-rows.ts';

/** A row whose party code the election does not know, with the code the editor probably meant. */
export interface UnknownParty {
  index: number;
  code: string;
  meant: string | null;
}

export function unknownParties(rows: readonly { party: string }[], known: ReadonlySet<string>, parties: readonly Party[]): UnknownParty[] {
  return rows.flatMap((row, index) => {
    const code = row.party.trim();
    if (code === '' || known.has(code)) return [];
    return [{ index, code, meant: suggestParty(code, known, parties) }];
  });
}

/** What the party box offers as the editor types: each known code with its name where the parties table has one. */
export function partyOptions(known: ReadonlySet<string>, parties: readonly Party[]): { code: string; name: string }[] {
  const names = new Map(parties.map((p) => [p.code, p.name]));
  return [...known].sort((a, b) => a.localeCompare(b, 'en-GB')).map((code) => ({ code, name: names.get(code) ?? '' }));
}

export interface FormFigures {
  /** Every row typed is complete. */
  complete: boolean;
  candidates: ReadRows['candidates'];
  electorate: number | undefined;
  rejected: number | undefined;
}

/** The rows as figures, with the electorate and rejected ballots where they are whole numbers. */
export function formFigures(read: ReadRows, electorate: string, rejected: string): FormFigures {
  const e = parseCount(electorate);
  const r = parseCount(rejected);
  return {
    complete: read.complete,
    candidates: read.candidates,
    electorate: isWhole(e) ? e : undefined,
    rejected: isWhole(r) ? r : undefined,
  };
}

/** The seat as the screens will show it, or null while the figures are incomplete, refused, or name a party that is not one. */
export function entryPreview(
  figures: FormFigures,
  seat: { baseline: SeatBaseline } | null,
  continuity: PartyContinuity,
  partiesUnresolved: boolean,
): Outcome | null {
  const { complete, candidates, electorate } = figures;
  if (!seat || !complete || declarationProblems({ candidates }).length > 0 || partiesUnresolved) return null;
  return seatOutcome({ declaration: { candidates, electorate }, baseline: seat.baseline, continuity });
}

/** Problems the server would refuse, shown before sending: a party twice, a tie, an unknown code, a time that is not a time. */
export function localProblems({
  figures,
  unknown,
  newParties,
  declaredTime,
  declaredAt,
}: {
  figures: FormFigures;
  unknown: readonly UnknownParty[];
  newParties: readonly string[];
  /** The time as typed; null where the form asks for none (a second editor's confirmation). */
  declaredTime: string | null;
  declaredAt: string | null;
}): string[] {
  const problems = figures.complete ? declarationProblems({ candidates: figures.candidates }).map((p) => p.message) : [];
  for (const u of unknown) {
    if (newParties.includes(u.code)) continue;
    const meant = u.meant ? ` (did you mean ${u.meant}?)` : '';
    problems.push(
      `Row ${u.index + 1}: "${u.code}" is not a party code this election knows${meant}: use a known code, or tick "new party" if it is one`,
    );
  }
  if (declaredTime !== null && declaredTime.trim() !== '' && declaredAt === null) {
    problems.push(`Declared at: "${declaredTime}" is not a 24-hour UK time such as 02:31`);
  }
  return problems;
}

/** What is sent: rows left wholly blank are not, everything else is, as typed, for the server to judge. */
export function typedFigures(
  read: ReadRows,
  {
    electorate,
    rejected,
    unknown,
    newParties,
  }: { electorate: string; rejected: string; unknown: readonly UnknownParty[]; newParties: readonly string[] },
): Record<string, unknown> {
  const figures: Record<string, unknown> = { candidates: read.typed };
  // SV: the second round, from the rows given second choices (the server checks there are at most two).
  if (read.secondRound.length > 0) figures.secondRound = read.secondRound;
  const e = parseCount(electorate);
  const r = parseCount(rejected);
  if (e !== undefined) figures.electorate = e;
  if (r !== undefined) figures.rejected = r;
  const marked = unknown.map((u) => u.code).filter((code) => newParties.includes(code));
  if (marked.length > 0) figures.newParties = [...new Set(marked)];
  return figures;
}
