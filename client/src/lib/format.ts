/** How figures read on screen: thousands separators, one-decimal percents, signed nets, UK time. */
import { formatNumber, formatPercent, formatSignedPoints, formatSwingPhrase } from '../../../shared/domain/figures.ts';
import type { HouseTurnout, Outcome, SeatBaseline, SeatState, Swing } from '../../../shared/protocol/schemas.ts';

export { formatNumber, formatPercent, formatSigned, formatSignedPoints } from '../../../shared/domain/figures.ts';
export { formatUkDay, formatUkTime } from '../../../shared/domain/uk-time.ts';

/** "5.1% swing from Con to Lab", or "swing n/a" where the baseline cannot give one. */
export function formatSwing(swing: Swing | null): string {
  if (swing === null) return 'swing n/a';
  return formatSwingPhrase(swing);
}

/** "majority 5,652 (12.3%)". */
export function formatMajority(outcome: Pick<Outcome, 'majority' | 'majorityPercent'>): string {
  return `majority ${formatNumber(outcome.majority)} (${formatPercent(outcome.majorityPercent)})`;
}

/** The baseline majority as the article gave it: a figure, a range of percentages, or not given. */
export function formatBaselineMajority(baseline: SeatBaseline): string {
  if (baseline.majority !== undefined) return `majority ${formatNumber(baseline.majority)}`;
  const range = baseline.majorityPercentRange;
  if (range !== undefined) {
    return range.min === range.max
      ? `majority ${formatPercent(range.min)}`
      : `majority between ${formatPercent(range.min)} and ${formatPercent(range.max)}`;
  }
  return 'majority not given';
}

/**
 * Where a seat stands, for the entry desk: "in recount", "undeclared", "Lab GAIN from
 * Con, awaiting figures (PA rush)" or "Lab HOLD, majority 5,652 (12.3%)".
 */
export function formatSeatResult(seat: SeatState): string {
  if (seat.status === 'recount') return 'in recount';
  if (seat.rush) return `${seat.rush.label.text}, awaiting figures (PA rush)`;
  if (seat.outcome === null) return seat.status;
  return `${seat.outcome.label.text}, ${formatMajority(seat.outcome)}`;
}

/** "General election 2019 (rehearsal)": the mode said once, whether or not the name already says it. */
export function electionLabel(election: { name: string; mode: string }): string {
  if (election.mode === 'live' || election.name.toLowerCase().includes(`(${election.mode})`)) return election.name;
  return `${election.name} (${election.mode})`;
}

/** "67.3% (+1.2) on the 412 seats that gave their electorate", or why it is not known. */
export function formatHouseTurnout(turnout: HouseTurnout | null): string {
  if (turnout === null) return 'not known: no declaration has given its electorate';
  const change = turnout.change === null ? '' : ` (${formatSignedPoints(turnout.change)})`;
  return (
    `${formatPercent(turnout.percent)}${change} on the ${formatNumber(turnout.seats)} ${turnout.seats === 1 ? 'seat' : 'seats'} ` +
    `that gave their electorate`
  );
}
