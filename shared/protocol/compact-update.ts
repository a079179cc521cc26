/**
 * A numbered update as it goes to viewers (election:updated, election:updates):
 * the seat in the compact form snapshots use, read against the same
 * reference, its outcome recomputed by the viewer with the server's own
 * seatState. Late in a night a batch of ten is a third of the bytes of the
 * whole updates, and the bytes are what a burst costs every viewer.
 * expandUpdate gives back exactly the ElectionUpdate the server published.
 */
import type { CompactUpdate } from './compact-schemas.ts';
import { compactSeat, expandSeat, type NightReference } from './compact-snapshot.ts';
import type { ElectionUpdate } from './schemas.ts';

export type { CompactUpdate } from './compact-schemas.ts';

export function compactUpdate(update: ElectionUpdate, reference: Pick<NightReference, 'referenceVersion' | 'seats' | 'candidates'>): CompactUpdate {
  const { election, seq, change, seat, house, line, at } = update;
  return { election, seq, change, referenceVersion: reference.referenceVersion, seat: compactSeat(seat, reference), house, line, at };
}

/** The update in full; the reference must be the one it names (readers check referenceVersion first). */
export function expandUpdate(compact: CompactUpdate, reference: NightReference): ElectionUpdate {
  const { election, seq, change, seat, house, line, at } = compact;
  return { election, seq, change, seat: expandSeat(seat, reference), house, line, at };
}
