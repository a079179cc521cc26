/**
 * What the big screen shows, decided from the editor's settings and the
 * clock: the panels take turns for their seconds each, and a new gain
 * takes the stage for gainSpotlightSeconds, then the rotation carries on.
 */
import type { ElectionUpdate, ScreenPanel, ScreenSettings } from '../../../shared/protocol/schemas.ts';

export interface PanelTurn {
  index: number;
  panel: ScreenPanel;
  /** Whole seconds until the next panel. */
  remaining: number;
}

/** The panel on stage after elapsedSeconds of running the settings from the top. */
export function panelAt({ panels, elapsedSeconds }: { panels: ScreenSettings['panels']; elapsedSeconds: number }): PanelTurn {
  const cycle = panels.reduce((sum, p) => sum + p.seconds, 0);
  let at = ((Math.max(0, elapsedSeconds) % cycle) + cycle) % cycle;
  for (const [index, p] of panels.entries()) {
    if (at < p.seconds) return { index, panel: p.panel, remaining: Math.ceil(p.seconds - at) };
    at -= p.seconds;
  }
  return { index: 0, panel: panels[0].panel, remaining: panels[0].seconds };
}

/**
 * The editor's panels less those with nothing to show now (seats to watch on a night with
 * none flagged and no margins yet): never an empty panel. If every panel is empty, all run.
 * A panel of another election (ADR 0025) runs only once that election's figures fill it
 * (otherFills, by election): until then it is left out, never shown with the host's figures.
 */
export function runnablePanels(
  panels: ScreenSettings['panels'],
  hasContent: Partial<Record<ScreenPanel, boolean>>,
  other: { self: string; fills: (election: string) => Partial<Record<ScreenPanel, boolean>> } | null = null,
): ScreenSettings['panels'] {
  const ours = (p: ScreenSettings['panels'][number]) => p.election === undefined || p.election === other?.self;
  const runnable = panels.filter((p) => (ours(p) ? hasContent[p.panel] !== false : other?.fills(p.election!)[p.panel] === true));
  if (runnable.length > 0) return runnable;
  const own = panels.filter(ours);
  return own.length > 0 ? own : panels.slice(0, 1).map(({ panel, seconds }) => ({ panel, seconds }));
}

/** A seat newly won from another party (a first declaration, or one after a recount): it takes the stage. */
export function isNewGain(update: ElectionUpdate): boolean {
  return update.change === 'declared' && update.seat.status === 'declared' && update.seat.outcome?.label.kind === 'GAIN';
}
