/** A seat's current state from its newest stored version (the rules are in shared/domain/seat-state.ts). */
import { seatState } from '../../shared/domain/seat-state.ts';
import { Declaration, type PartyContinuity, type Seat, type SeatState } from '../../shared/protocol/schemas.ts';
import type { VersionRow } from '../db/declarations-repo.ts';

export function seatStateFrom(seat: Seat, row: VersionRow | null, continuity: PartyContinuity): SeatState {
  const latest = row && {
    version: row.version,
    kind: row.kind,
    reason: row.reason,
    enteredAt: row.entered_at,
    declaration:
      row.declaration_json === null || row.kind === 'recount' || row.kind === 'withdrawn'
        ? null
        : Declaration.parse({ ...JSON.parse(row.declaration_json), enteredAt: row.entered_at, enteredBy: row.entered_by }),
  };
  return seatState({ seat, latest, continuity });
}
