/**
 * The editor's working copy of the screen settings: every panel listed,
 * each on or off with its seconds, in running order; saved as ScreenSettings.
 */
import { PANELS_OF_ANOTHER_ELECTION } from '../../../shared/domain/screen-elections.ts';
import type { ScreenPanel, ScreenSettings } from '../../../shared/protocol/schemas.ts';

export interface DraftPanel {
  panel: ScreenPanel;
  on: boolean;
  seconds: number;
  /** A panel of another election (ADR 0025); absent for the screen's own. */
  election?: string;
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
  race: 'The mayoral race',
};

/** A row's key: its panel and whose. */
export const draftKey = (p: Pick<DraftPanel, 'panel' | 'election'>) => (p.election ? `${p.election}-${p.panel}` : p.panel);

/**
 * The panels left out, as rows to tick: the screen's own (the race is the mayoral
 * screen's whole stage, not a row), then those of the other election.
 */
function restingRows(running: readonly DraftPanel[], other: string | null): DraftPanel[] {
  const own = (Object.keys(PANEL_NAMES) as ScreenPanel[]).filter((panel) => panel !== 'race').map((panel) => ({ panel }));
  const theirs = other === null ? [] : PANELS_OF_ANOTHER_ELECTION.map((panel) => ({ panel, election: other }));
  return [...own, ...theirs]
    .filter((row) => !running.some((p) => draftKey(p) === draftKey(row)))
    .map((row) => ({ ...row, on: false, seconds: 15 }));
}

export function draftFrom(screen: ScreenSettings, other: string | null = null): DraftPanel[] {
  const running = screen.panels.map((p) => ({
    panel: p.panel,
    on: true,
    seconds: p.seconds,
    ...(p.election !== undefined && { election: p.election }),
  }));
  return [...running, ...restingRows(running, other)];
}

/** The draft showing another election's panels (or none): the old other election's rows go, the new one's come in off. */
export function withOtherElection(draft: readonly DraftPanel[], other: string | null): DraftPanel[] {
  const kept = draft.filter((p) => p.election === undefined || p.election === other);
  return [...kept, ...restingRows(kept, other).filter((row) => row.election !== undefined)];
}

export function settingsFrom(draft: readonly DraftPanel[], gainSpotlightSeconds: number): ScreenSettings {
  return {
    panels: draft
      .filter((p) => p.on)
      .map(({ panel, seconds, election }) => ({ panel, seconds, ...(election !== undefined && { election }) })),
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
