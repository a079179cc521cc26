/**
 * A party table a reader can take in: on a real night some 70 parties
 * stand, most with no seat and a fraction of a per cent. Those are folded
 * into one "Others" row, which a screen can open to list them.
 */
import type { PartyTableRow } from '../protocol/schemas.ts';
import { round2 } from './figures.ts';

/** The code of the folded row: not a Library party code, so it cannot be mistaken for the real `Oth`. */
export const OTHERS = 'Others';

/** Below this share of the vote (per cent), a party with no seats is folded into Others. */
export const OTHERS_SHARE_BELOW = 1;

export interface FoldedPartyTable {
  /** Parties shown in their own row, in the table's order. */
  rows: PartyTableRow[];
  /** The folded parties summed, or null where none was folded. */
  others: PartyTableRow | null;
  /** The folded parties, largest vote first, for a screen that opens the Others row. */
  folded: PartyTableRow[];
}

/**
 * A party keeps its own row if it has a seat, lost one (its net change is news),
 * or has at least OTHERS_SHARE_BELOW per cent of the vote.
 */
export function foldSmallParties(table: readonly PartyTableRow[], shareBelow = OTHERS_SHARE_BELOW): FoldedPartyTable {
  const rows: PartyTableRow[] = [];
  const folded: PartyTableRow[] = [];
  for (const row of table) {
    if (row.seats === 0 && row.losses === 0 && row.share < shareBelow) folded.push(row);
    else rows.push(row);
  }
  // One party alone is shown as itself: an "Others" row of one hides its name for nothing.
  if (folded.length < 2) return { rows: [...table], others: null, folded: [] };
  const sum = (pick: (r: PartyTableRow) => number) => folded.reduce((total, r) => total + pick(r), 0);
  const changes = folded.map((r) => r.shareChange);
  const others: PartyTableRow = {
    party: OTHERS,
    seats: 0,
    // A party with no seat gained none and (kept above otherwise) lost none.
    gains: 0,
    losses: 0,
    net: 0,
    votes: sum((r) => r.votes),
    share: round2(sum((r) => r.share)),
    shareChange: changes.every((c) => c !== null) ? round2(changes.reduce((t, c) => t + c!, 0)) : null,
  };
  return { rows, others, folded: [...folded].sort((a, b) => b.votes - a.votes || a.party.localeCompare(b.party)) };
}
