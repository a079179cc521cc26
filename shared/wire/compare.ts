/** Pure comparisons the wire needs: the same figures twice, and PA's state of parties against ours. */
import type { Candidate, PartyTableRow } from '../protocol/schemas.ts';
import type { SopDifference } from '../protocol/wire.ts';
import { partyFromPa } from './pa-parties.ts';

/** Same parties with the same votes (names are spelt differently by PA and by editors, so they are not compared). */
export function sameFigures(a: readonly Candidate[], b: readonly Candidate[]): boolean {
  const key = (list: readonly Candidate[]) =>
    list
      .map((c) => `${c.party}\u0000${c.votes}`)
      .sort()
      .join('\u0001');
  return a.length === b.length && key(a) === key(b);
}

export interface PaPartyFigures {
  abbreviation: string;
  seats: number;
  gains: number;
  losses: number;
}

/** Every party whose seats, gains or losses differ between PA's state of parties and our party table. */
export function sopDifferences(pa: readonly PaPartyFigures[], ours: readonly PartyTableRow[]): SopDifference[] {
  const zero = { seats: 0, gains: 0, losses: 0 };
  const theirs = new Map<string, typeof zero>();
  for (const p of pa) {
    const code = partyFromPa(p.abbreviation);
    const had = theirs.get(code) ?? zero;
    theirs.set(code, { seats: had.seats + p.seats, gains: had.gains + p.gains, losses: had.losses + p.losses });
  }
  const mine = new Map(ours.map((r) => [r.party, { seats: r.seats, gains: r.gains, losses: r.losses }]));
  const parties = [...new Set([...theirs.keys(), ...mine.keys()])].sort();
  return parties.flatMap((party) => {
    const a = theirs.get(party) ?? zero;
    const b = mine.get(party) ?? zero;
    return a.seats === b.seats && a.gains === b.gains && a.losses === b.losses ? [] : [{ party, pa: a, ours: b }];
  });
}
