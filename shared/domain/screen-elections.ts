/**
 * Two elections on one big screen (ADR 0025): a screen's rotation may run panels
 * of one other election held on the same day (the mayor and a general election).
 * Each panel reads only its own election's figures; these rules say which
 * panels an election can fill and which settings a screen may be given.
 */
import type { FieldProblem } from './declaration.ts';
import type { ScreenPanel, ScreenSettings } from '../protocol/schemas.ts';

/** The panels a screen can run for another election: those that stand on their own without the host's story. */
export const PANELS_OF_ANOTHER_ELECTION: readonly ScreenPanel[] = ['race', 'map', 'party-table', 'house', 'latest'];

/** The other election a screen's rotation names (settings already checked: at most one), or null. */
export function otherElectionOf(screen: ScreenSettings, self: string): string | null {
  return screen.panels.find((p) => p.election !== undefined && p.election !== self)?.election ?? null;
}

/**
 * What another election's panel has to show, by the kind of count: a mayoral count fills the race and
 * its latest areas; a House election its map, party table and House bar (its House figures mean nothing
 * for a mayoral count, ADR 0020). Nothing before its figures are in hand.
 */
export function panelsAnotherElectionFills(figures: { mayoral: boolean; declared: number } | null): Partial<Record<ScreenPanel, boolean>> {
  const fills = Object.fromEntries(PANELS_OF_ANOTHER_ELECTION.map((p) => [p, false])) as Partial<Record<ScreenPanel, boolean>>;
  if (!figures) return fills;
  if (figures.mayoral) return { ...fills, race: true, latest: figures.declared > 0 };
  return { ...fills, map: true, 'party-table': true, house: true, latest: figures.declared > 0 };
}

/**
 * Settings naming other elections: each must exist, be one the screen can show a panel of, and be the
 * same one (a screen shows two elections at most: its own and one other). The problems name the field.
 */
export function screenElectionProblems(screen: ScreenSettings, self: string, known: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let other: string | null = null;
  for (const [i, p] of screen.panels.entries()) {
    if (p.election === undefined || p.election === self) continue;
    const path = `panels[${i}].election`;
    if (!known.includes(p.election)) problems.push({ path, message: `no election "${p.election}" on this server` });
    else if (!PANELS_OF_ANOTHER_ELECTION.includes(p.panel))
      problems.push({ path, message: `a panel of another election is one of ${PANELS_OF_ANOTHER_ELECTION.join(', ')}, not ${p.panel}` });
    else if (other !== null && other !== p.election)
      problems.push({ path, message: `a screen shows two elections at most: its own and "${other}", not "${p.election}" too` });
    other ??= known.includes(p.election) ? p.election : null;
  }
  return problems;
}
