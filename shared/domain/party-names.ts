/**
 * Each election's own name for a party. The party table counts a party under
 * its canonical code (Brexit -> RUK, so a 2019 seat compares with a 2024 one),
 * but a 2019 screen must not call the Brexit Party "Reform UK": where only the
 * predecessor stood in the election, its row reads "Brexit Party (now Reform UK)".
 */
import type { Party, PartyContinuity } from '../protocol/schemas.ts';
import { canonicalParty } from './party.ts';

/**
 * The parties with the names they had at this election, given the codes the
 * election itself uses (its baselines and results). The same array comes back
 * where nothing is renamed, so screens redraw nothing.
 */
export function partiesAsNamedIn(parties: Party[], continuity: PartyContinuity, codesUsed: Iterable<string>): Party[] {
  const byCode = new Map(parties.map((p) => [p.code, p]));
  const used = new Set(codesUsed);
  const renamed = new Map<string, string>();
  for (const code of used) {
    const own = continuity.aliases[code] ?? code;
    const canonical = canonicalParty(code, continuity);
    // An alias is the same party under another spelling: nothing to rename.
    if (own === canonical || used.has(canonical)) continue;
    const then = byCode.get(own);
    const now = byCode.get(canonical);
    if (then && now) renamed.set(canonical, `${then.name} (now ${now.name})`);
  }
  if (renamed.size === 0) return parties;
  return parties.map((p) => (renamed.has(p.code) ? { ...p, name: renamed.get(p.code)! } : p));
}

/** The codes an election uses: every baseline's holder and votes, and every declared candidate's party. */
export function codesUsedIn(state: {
  seats: readonly { baseline: { party: string | null; votes?: readonly { party: string }[] } }[];
  seatStates: readonly { declaration: { candidates: readonly { party: string }[] } | null }[];
}): Set<string> {
  const codes = new Set<string>();
  for (const seat of state.seats) {
    if (seat.baseline.party) codes.add(seat.baseline.party);
    for (const v of seat.baseline.votes ?? []) codes.add(v.party);
  }
  for (const s of state.seatStates) for (const c of s.declaration?.candidates ?? []) codes.add(c.party);
  return codes;
}
