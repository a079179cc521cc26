/** The projection a screen shows: none before the first declaration, else from the seats held and the map's regions. */
import { projectElection } from '../../../shared/domain/projection.ts';
import type { ElectionState, HexMap, PartyContinuity } from '../../../shared/protocol/schemas.ts';

export function nightProjection(state: ElectionState | null, continuity: PartyContinuity, map: HexMap | null | undefined) {
  if (!state || state.house.declared === 0) return null;
  return projectElection({ ...state, totalSeats: state.election.totalSeats, continuity, hexes: map?.hexes });
}
