/**
 * Which figures a confirming editor typed differently from the first entry.
 * The values are not shown: both editors go back to the source rather than
 * one copying the other.
 */
import type { FieldProblem } from '../../shared/domain/declaration.ts';

interface Figures {
  candidates: readonly { name: string; party: string; votes: number }[];
  electorate?: number;
  rejected?: number;
  secondRound?: readonly { name: string; votes: number }[];
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function figureMismatches(first: Figures, second: Figures): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (first.candidates.length !== second.candidates.length) {
    problems.push({
      path: 'candidates',
      message: `lists ${second.candidates.length} candidates; the first entry lists ${first.candidates.length}`,
    });
  }
  first.candidates.forEach((c, i) => {
    const typed = second.candidates[i];
    if (!typed) return;
    if (!sameText(c.name, typed.name)) problems.push({ path: `candidates[${i}].name`, message: 'does not match the first entry' });
    if (!sameText(c.party, typed.party)) problems.push({ path: `candidates[${i}].party`, message: 'does not match the first entry' });
    if (c.votes !== typed.votes) problems.push({ path: `candidates[${i}].votes`, message: 'does not match the first entry' });
  });
  const seconds = (f: Figures) => JSON.stringify((f.secondRound ?? []).map((s) => [s.name.trim().toLowerCase(), s.votes]));
  if (seconds(first) !== seconds(second)) problems.push({ path: 'secondRound', message: 'does not match the first entry' });
  for (const field of ['electorate', 'rejected'] as const) {
    if (first[field] !== second[field]) problems.push({ path: field, message: 'does not match the first entry' });
  }
  return problems;
}
