/**
 * The editor's working copy of the screen settings: every panel listed,
 * each on or off with its seconds, in running order; saved as ScreenSettings.
 */
import type { ScreenPanel, ScreenSettings } from '../../../shared/protocol/schemas.ts';

export interface DraftPanel {
  panel: ScreenPanel;
  on: boolean;
  seconds: number;
}

/** Every panel, in the order the editor first sees them (a Record, so a new ScreenPanel must be named here). */
export const PANEL_NAMES: Record<ScreenPanel, string> = {
  map: 'Hex map',
  'party-table': 'Party table',
  'seats-to-watch': 'Seats to watch',
  house: 'House bar',
  latest: 'Latest declarations',
  'exit-poll': 'Exit poll against the results',
  targets: 'Targets taken',
  'next-to-declare': 'Next to declare',
  projection: 'Projection of the House',
};

export function draftFrom(screen: ScreenSettings): DraftPanel[] {
  const running = screen.panels.map((p) => ({ panel: p.panel, on: true, seconds: p.seconds }));
  const resting = (Object.keys(PANEL_NAMES) as ScreenPanel[])
    .filter((panel) => !screen.panels.some((p) => p.panel === panel))
    .map((panel) => ({ panel, on: false, seconds: 15 }));
  return [...running, ...resting];
}

export function settingsFrom(draft: readonly DraftPanel[], gainSpotlightSeconds: number): ScreenSettings {
  return {
    panels: draft.filter((p) => p.on).map(({ panel, seconds }) => ({ panel, seconds })),
    gainSpotlightSeconds,
  };
}

/** The draft with one panel moved up (-1) or down (+1) the running order. */
export function moved(draft: readonly DraftPanel[], index: number, by: -1 | 1): DraftPanel[] {
  const to = index + by;
  if (to < 0 || to >= draft.length) return [...draft];
  const next = [...draft];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}
