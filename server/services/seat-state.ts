/** A seat's current state from its newest version: the one place that reads a version's meaning. */
import { seatOutcome } from '../../shared/domain/outcome.ts';
import { Declaration, type PartyContinuity, type Seat, type SeatState } from '../../shared/protocol/schemas.ts';
import type { VersionRow } from '../db/declarations-repo.ts';

export function seatStateFrom(seat: Seat, latest: VersionRow | null, continuity: PartyContinuity): SeatState {
  const base = { code: seat.code, name: seat.name };
  if (!latest) {
    return {
      ...base,
      status: 'undeclared',
      version: 0,
      lastChange: null,
      lastReason: null,
      declaration: null,
      outcome: null,
      updatedAt: null,
    };
  }
  const history = {
    version: latest.version,
    lastChange: latest.kind,
    lastReason: latest.reason,
    updatedAt: latest.entered_at,
  };
  if (latest.kind === 'recount' || latest.kind === 'withdrawn' || latest.declaration_json === null) {
    // ELECTION-RULES: a recount shows no winner until a new declaration; a withdrawal makes the seat undeclared.
    return {
      ...base,
      ...history,
      status: latest.kind === 'recount' ? 'recount' : 'undeclared',
      declaration: null,
      outcome: null,
    };
  }
  const declaration = Declaration.parse({
    ...JSON.parse(latest.declaration_json),
    enteredAt: latest.entered_at,
    enteredBy: latest.entered_by,
  });
  return {
    ...base,
    ...history,
    status: 'declared',
    declaration,
    outcome: seatOutcome({ declaration, baseline: seat.baseline, continuity }),
  };
}
