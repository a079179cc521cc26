/**
 * A numbered update as it goes to viewers (election:updated, election:updates):
 * the seat in the compact form snapshots use, its candidates named in full
 * (so a screen holding the lean reference reads it too, lean-night.ts), read
 * against the same reference, its outcome recomputed by the viewer with the server's own
 * seatState, and the House figures recomputed from every seat it holds.
 * Late in a 2019 night an update is 0.5 KB where the whole one was 8.6 KB,
 * and the bytes are what a burst costs every viewer.
 * expandUpdate then houseAfter give back exactly what the server published.
 */
import type { CompactUpdate } from './compact-schemas.ts';
import { compactSeat, expandSeat, type NightReference } from './compact-snapshot.ts';
import type { ElectionUpdate } from './schemas.ts';

export type { CompactUpdate } from './compact-schemas.ts';

export function compactUpdate(
  update: ElectionUpdate,
  reference: Pick<NightReference, 'referenceVersion' | 'seats' | 'candidates'>,
): CompactUpdate {
  const { election, seq, change, seat, line, at } = update;
  // Names in full: the seat just changed is the one every screen shows by name, and a lean screen holds no list to number them by.
  const compact = compactSeat(seat, reference, { namesInFull: true });
  return { election, seq, change, referenceVersion: reference.referenceVersion, seat: compact, line, at };
}

/**
 * The update in full but for the House figures (null, as inside a batch): the reference must
 * be the one it names (readers check referenceVersion first). Once applied, houseAfter gives them.
 */
export function expandUpdate(compact: CompactUpdate, reference: NightReference): ElectionUpdate {
  const { election, seq, change, seat, line, at } = compact;
  return { election, seq, change, seat: expandSeat(seat, reference), house: null, line, at };
}

export { houseAfter } from './compact-snapshot.ts';
