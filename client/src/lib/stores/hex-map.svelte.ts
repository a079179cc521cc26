/** The hex map of the election on screen: fetched once per election; null where it has none. */
import type { HexMap } from '../../../../shared/protocol/schemas.ts';
import { fetchHexMap } from '../api.ts';

export class HexMapStore {
  electionId = $state<string | null>(null);
  /** undefined while loading; null where the election has no map (a grid of its seats stands in). */
  map = $state.raw<HexMap | null | undefined>(undefined);
  error = $state<string | null>(null);

  async load(electionId: string): Promise<void> {
    if (electionId === this.electionId) return;
    this.electionId = electionId;
    this.map = undefined;
    this.error = null;
    try {
      const map = await fetchHexMap(electionId);
      if (this.electionId === electionId) this.map = map;
    } catch (err) {
      if (this.electionId !== electionId) return;
      this.map = null;
      this.error = `Could not load the map: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
}

export const hexMapStore = new HexMapStore();
