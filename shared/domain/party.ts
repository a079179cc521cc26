/** Party continuity and the parties that are not parties (ELECTION-RULES). */
import type { PartyContinuity } from '../protocol/schemas.ts';
import { foldText } from './fold.ts';

export const SPEAKER = 'Spk';
export const INDEPENDENT = 'Ind';

/**
 * The code a party is counted under on this night: aliases first
 * (Alliance -> APNI), then successors (Brexit -> RUK), followed to the end.
 */
export function canonicalParty(code: string, continuity: PartyContinuity): string {
  let current = continuity.aliases[code] ?? code;
  // Most codes have no successor: no need to guard against a loop (screens call this thousands of times per update).
  if (continuity.successors[current] === undefined) return current;
  const seen = new Set<string>();
  while (continuity.successors[current] !== undefined && !seen.has(current)) {
    seen.add(current);
    const next = continuity.successors[current];
    current = continuity.aliases[next] ?? next;
  }
  return current;
}

/** true where following the table from a code comes back to a code already passed: a mapping loop. */
export function continuityLoops(code: string, continuity: PartyContinuity): boolean {
  const seen = new Set<string>();
  let current: string | undefined = code;
  while (current !== undefined) {
    if (seen.has(current)) return true;
    seen.add(current);
    current = continuity.aliases[current] ?? continuity.successors[current];
  }
  return false;
}

/** Names compared as people write them: case, spacing and accents aside. */
export function samePerson(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return foldText(a) === foldText(b);
}

export const NO_CONTINUITY: PartyContinuity = { aliases: {}, successors: {} };
