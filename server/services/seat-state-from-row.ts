/** A seat's current state from its newest stored version row (the rules are in shared/domain/seat-state.ts). */
import { seatState } from '../../shared/domain/seat-state.ts';
import type { Declaration, PartyContinuity, RushInput, Seat, SeatState } from '../../shared/protocol/schemas.ts';
import type { VersionRow } from '../db/declarations-repo.ts';

export function seatStateFrom(seat: Seat, row: VersionRow | null, continuity: PartyContinuity): SeatState {
  const latest = row && {
    version: row.version,
    kind: row.kind,
    reason: row.reason,
    enteredAt: row.entered_at,
    declaration:
      row.declaration_json === null || row.kind === 'recount' || row.kind === 'withdrawn' || row.kind === 'rushed'
        ? null
        : // Checked by DeclarationInput on the way in; read as stored, so text stored before a check was added still shows.
          ({ ...JSON.parse(row.declaration_json), enteredAt: row.entered_at } as Declaration),
    rush: row.kind === 'rushed' && row.declaration_json !== null ? (JSON.parse(row.declaration_json) as RushInput) : null,
  };
  return seatState({ seat, latest, continuity });
}
