/**
 * Copy-ready lines for the live blog: one for each declaration, and one for
 * each correction, recount or withdrawal that says what changed.
 */
import type { Outcome, SeatState, VersionKind } from '../protocol/schemas.ts';
import { formatNumber, formatSwingPhrase } from './figures.ts';

/** "Sarah Jones wins with a majority of 5,652; 5.1% swing from Con to Lab." */
function winnerSentence(outcome: Outcome): string {
  const how = outcome.decidedByLot
    ? `${outcome.winner.name} wins by drawing lots after a tie`
    : outcome.runnerUp === null
      ? `${outcome.winner.name} is elected unopposed`
      : `${outcome.winner.name} wins with a majority of ${formatNumber(outcome.majority)}`;
  const swing = outcome.swing ? `; ${formatSwingPhrase(outcome.swing)}` : '';
  return `${how}${swing}.`;
}

/** "Croydon Central: Lab GAIN from Con. Sarah Jones wins with a majority of 5,652; 5.1% swing from Con to Lab." */
export function declarationLine(seatName: string, outcome: Outcome, afterRecount = false): string {
  return `${seatName}: ${outcome.label.text}${afterRecount ? ' after a recount' : ''}. ${winnerSentence(outcome)}`;
}

const was = (outcome: Outcome) => `${outcome.label.text}, ${outcome.winner.name}, majority ${formatNumber(outcome.majority)}`;
const because = (reason: string | null) => (reason ? ` (${reason})` : '');

/** The line for any change to a seat, given the seat before and after it. */
export function changeLine(change: VersionKind, before: SeatState, after: SeatState): string {
  const name = after.name;
  const earlier = before.outcome;
  switch (change) {
    case 'declared':
      return declarationLine(name, after.outcome!, before.status === 'recount');
    case 'corrected':
      return (
        `CORRECTION: ${name}${because(after.lastReason)}. ` +
        `${declarationLine(name, after.outcome!)}${earlier ? ` Previously reported: ${was(earlier)}.` : ''}`
      );
    case 'recount':
      return earlier
        ? `RECOUNT: ${name}: a recount has been called${because(after.lastReason)}. The result reported earlier (${was(earlier)}) stands ` +
            `withdrawn until it is declared again.`
        : `RECOUNT: ${name}: a recount has been called${because(after.lastReason)}.`;
    case 'rushed':
      // ADR 0024: the winner before the figures; the result's own line follows.
      return `${name}: ${after.rush!.label.text}${before.status === 'recount' ? ' after a recount' : ''}. Figures to follow.`;
    case 'withdrawn':
      return earlier
        ? `WITHDRAWN: ${name}: the result reported earlier (${was(earlier)}) is withdrawn${because(after.lastReason)}. The seat is ` +
            `undeclared.`
        : `WITHDRAWN: ${name}: the recount notice is withdrawn${because(after.lastReason)}. The seat is undeclared.`;
  }
}
