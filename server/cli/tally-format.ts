/** How `npm run tally` shows a night: an aligned party table for people, or JSON for scripts. */
import { formatNumber } from '../../shared/domain/figures.ts';
import type { PartyTableRow } from '../../shared/protocol/schemas.ts';
import type { NightTally } from '../import/tally-night.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const signedPoints = (n: number | null) => (n === null ? 'n/a' : n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

/** Some Library files spell a party out in full where the code is missing: keep the table readable. */
const PARTY_WIDTH = 16;
const partyCell = (party: string) => (party.length > PARTY_WIDTH ? `${party.slice(0, PARTY_WIDTH - 1)}…` : party);

export function partyTableText(rows: readonly PartyTableRow[]): string {
  const header = ['Party', 'Seats', 'Gains', 'Losses', 'Net', 'Votes', 'Share %', 'Change'];
  const body = rows.map((r) => [
    partyCell(r.party),
    String(r.seats),
    String(r.gains),
    String(r.losses),
    signed(r.net),
    formatNumber(r.votes),
    r.share.toFixed(2),
    signedPoints(r.shareChange),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  // Party names read left-aligned; figures line up on the right, as on a results sheet.
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function nightText(night: NightTally): string {
  const { house } = night;
  const swing = house.nationalSwing
    ? `National swing: ${house.nationalSwing.points.toFixed(2)} points from ${house.nationalSwing.from} to ${house.nationalSwing.to}`
    : 'National swing: n/a (the baseline has no votes)';
  return [
    `${house.declared} of ${house.totalSeats} seats declared; majority line ${house.majorityLine}`,
    '',
    partyTableText(house.partyTable),
    '',
    swing,
  ].join('\n');
}

export function nightJson(night: NightTally) {
  return {
    partyTable: night.house.partyTable,
    seats: night.seats.map(({ code, name, outcome }) => ({
      code,
      name,
      // The winner's party as the label counts it (Alliance -> APNI), with the file's own spelling beside it where it differs.
      winner: {
        ...outcome.winner,
        party: outcome.label.party,
        ...(outcome.winner.party !== outcome.label.party && { partyAsFiled: outcome.winner.party }),
      },
      label: outcome.label.text,
      majority: outcome.majority,
      majorityPercent: outcome.majorityPercent,
      shareChange: outcome.candidates.map((c) => ({ name: c.name, party: c.party, share: c.share, shareChange: c.shareChange })),
      swing: outcome.swing,
    })),
  };
}
