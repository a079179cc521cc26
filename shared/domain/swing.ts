/** Butler two-party swing (ELECTION-RULES). */
import type { Swing } from '../protocol/schemas.ts';

export interface ShareMove {
  party: string;
  before: number;
  now: number;
}

/**
 * Swing from b to a = ((a now - a before) - (b now - b before)) / 2, reported
 * as a positive figure in the direction it went.
 */
export function butlerSwing(a: ShareMove, b: ShareMove): Swing {
  const points = (a.now - a.before - (b.now - b.before)) / 2;
  return points >= 0 ? { from: b.party, to: a.party, points } : { from: a.party, to: b.party, points: -points };
}

/** Shares in percent by party from votes by party. */
export function sharesByParty(votes: ReadonlyMap<string, number>): Map<string, number> {
  let total = 0;
  for (const v of votes.values()) total += v;
  const shares = new Map<string, number>();
  if (total === 0) return shares;
  for (const [party, v] of votes) shares.set(party, (v / total) * 100);
  return shares;
}
