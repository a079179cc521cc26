/**
 * The exit poll as an editor types it off the broadcast, in one line:
 * "Con 368, Lab 191, SNP 55, LD 13, PC 3, Green 1, Brexit 0, Others 19",
 * each party optionally with its share ("Con 368 43.6%"). The server checks the rest.
 */
import type { ExitPollInput } from '../../../shared/protocol/schemas.ts';

export type ReadPoll =
  { kind: 'read'; poll: Pick<ExitPollInput, 'seats' | 'shares'>; total: number } | { kind: 'unreadable'; error: string };

const ITEM = /^(\S+)\s+(\d+)(?:\s+(\d+(?:\.\d+)?)\s*%)?$/;

export function readExitPollText(text: string): ReadPoll {
  const seats: Record<string, number> = {};
  const shares: Record<string, number> = {};
  const items = text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return { kind: 'unreadable', error: 'Type each party and its seats: Con 368, Lab 191, Others 19' };
  for (const item of items) {
    const match = ITEM.exec(item);
    if (!match)
      return { kind: 'unreadable', error: `"${item}": write a party code and its seats, such as Lab 191 (and a share, such as 32.1%)` };
    const [, party, n, share] = match;
    if (party in seats) return { kind: 'unreadable', error: `${party} is listed twice` };
    seats[party] = Number(n);
    if (share !== undefined) shares[party] = Number(share);
  }
  const total = Object.values(seats).reduce((sum, n) => sum + n, 0);
  return { kind: 'read', poll: Object.keys(shares).length > 0 ? { seats, shares } : { seats }, total };
}

/** The stored poll back as the editor would type it, to correct it (the audit trail shows it so too). */
export { exitPollText } from '../../../shared/domain/exit-poll.ts';
