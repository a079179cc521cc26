/**
 * A rush read against the baseline (ADR 0024): the same HOLD or GAIN rule as a full result's
 * label (resultLabel), so the screens do not change their call when the figures come, and the
 * same party-table effect, so the seat counts for its winner before its votes are known.
 */
import type { PartyContinuity, RushInput, SeatBaseline, SeatRush } from '../protocol/schemas.ts';
import { INDEPENDENT, SPEAKER } from './party.ts';
import { resultLabel } from './outcome.ts';

export function seatRush(rush: RushInput, baseline: SeatBaseline, continuity: PartyContinuity, enteredAt: string): SeatRush {
  // A rush names no candidate. An independent holds only as the same person, which only PA can say here.
  const name = rush.party === INDEPENDENT && rush.gainOrHold === 'hold' ? (baseline.mp ?? '') : '';
  const label = resultLabel({ name, party: rush.party }, baseline, continuity);
  const gained = label.kind === 'GAIN';
  return {
    ...rush,
    label,
    // ELECTION-RULES: the Speaker is not a party, so a Speaker's seat is a gain or loss for no party.
    gainFor: gained && label.party !== SPEAKER ? label.party : null,
    lossFor: gained && label.from !== null && label.from !== SPEAKER ? label.from : null,
    enteredAt,
  };
}

/** The call on a seat as screens show it: the full result's label, else the rush's (awaiting figures), else none. */
export function seatCall(seat: { outcome: { label: SeatRush['label'] } | null; rush?: Pick<SeatRush, 'label'> }) {
  if (seat.outcome) return { label: seat.outcome.label, awaitingFigures: false };
  if (seat.rush) return { label: seat.rush.label, awaitingFigures: true };
  return null;
}
