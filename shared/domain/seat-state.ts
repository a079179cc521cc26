/**
 * A seat's current state from its newest version: the one place that reads
 * a version's meaning. The server builds it from the database; a screen
 * rebuilds it from a compact snapshot (shared/protocol/compact-snapshot.ts).
 */
import type { Declaration, PartyContinuity, RushInput, Seat, SeatState, VersionKind } from '../protocol/schemas.ts';
import { seatOutcome } from './outcome.ts';
import { seatRush } from './rush.ts';

/** The newest version of a seat, as stored. */
export interface SeatVersion {
  version: number;
  kind: VersionKind;
  reason: string | null;
  enteredAt: string;
  /** null for a recount, a withdrawal or a rush. */
  declaration: Declaration | null;
  /** A rush's winner, for a 'rushed' version. */
  rush?: RushInput | null;
}

/** A seat before its first version. */
export function undeclaredSeat({ code, name }: Pick<Seat, 'code' | 'name'>): SeatState {
  return {
    code,
    name,
    status: 'undeclared',
    version: 0,
    lastChange: null,
    lastReason: null,
    declaration: null,
    outcome: null,
    updatedAt: null,
  };
}

export function seatState({
  seat,
  latest,
  continuity,
}: {
  seat: Pick<Seat, 'code' | 'name' | 'baseline'>;
  latest: SeatVersion | null;
  continuity: PartyContinuity;
}): SeatState {
  const base = { code: seat.code, name: seat.name };
  if (!latest) return undeclaredSeat(seat);
  const history = {
    version: latest.version,
    lastChange: latest.kind,
    lastReason: latest.reason,
    updatedAt: latest.enteredAt,
  };
  const { declaration } = latest;
  if (latest.kind === 'rushed' && latest.rush) {
    // ADR 0024: the winner and HOLD or GAIN, awaiting figures; no outcome until the result replaces it.
    return {
      ...base,
      ...history,
      status: 'rushed',
      declaration: null,
      outcome: null,
      rush: seatRush(latest.rush, seat.baseline, continuity, latest.enteredAt),
    };
  }
  if (latest.kind === 'recount' || latest.kind === 'withdrawn' || latest.kind === 'rushed' || declaration === null) {
    // ELECTION-RULES: a recount shows no winner until a new declaration; a withdrawal makes the seat undeclared.
    return {
      ...base,
      ...history,
      status: latest.kind === 'recount' ? 'recount' : 'undeclared',
      declaration: null,
      outcome: null,
    };
  }
  return {
    ...base,
    ...history,
    status: 'declared',
    declaration,
    outcome: seatOutcome({ declaration, baseline: seat.baseline, continuity }),
  };
}
