/** The projection a screen shows: none before the first declaration, else from the seats held and the map's regions. */
import { projectElection } from '../../../shared/domain/projection.ts';
import type { ElectionState, HexMap, PartyContinuity } from '../../../shared/protocol/schemas.ts';

type Regions = { hexes: readonly { code: string; region?: string }[] };

// Made once per reference: the regions object stays the same from update to update.
const asHexes = new WeakMap<Record<string, string>, Regions>();

/** The reference's regions by seat (the dashboard draws no map, so does not fetch one) as the projection reads a map's. */
export function regionsAsMap(regions: Record<string, string> | undefined): Regions | undefined {
  if (!regions) return undefined;
  let map = asHexes.get(regions);
  if (!map) asHexes.set(regions, (map = { hexes: Object.entries(regions).map(([code, region]) => ({ code, region })) }));
  return map;
}

export function nightProjection(state: ElectionState | null, continuity: PartyContinuity, map: HexMap | Regions | null | undefined) {
  if (!state || state.house.declared === 0) return null;
  return projectElection({ ...state, totalSeats: state.election.totalSeats, continuity, hexes: map?.hexes });
}
