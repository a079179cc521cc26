import { describe, expect, test } from 'vitest';
import type { ScreenSettings } from '../../../shared/protocol/schemas.ts';
import { panelAt, runnablePanels } from './rotation.ts';

const panels: ScreenSettings['panels'] = [
  { panel: 'map', seconds: 20 },
  { panel: 'party-table', seconds: 10 },
];

describe('panelAt', () => {
  test('shows each panel for its own seconds, in the editor order', () => {
    expect(panelAt({ panels, elapsedSeconds: 0 })).toEqual({ index: 0, panel: 'map', remaining: 20 });
    expect(panelAt({ panels, elapsedSeconds: 19.5 }).panel).toBe('map');
    expect(panelAt({ panels, elapsedSeconds: 20 })).toEqual({ index: 1, panel: 'party-table', remaining: 10 });
  });

  test('starts again from the first panel after the last', () => {
    expect(panelAt({ panels, elapsedSeconds: 30 }).panel).toBe('map');
    expect(panelAt({ panels, elapsedSeconds: 65 }).panel).toBe('map');
  });

  test('keeps showing a single panel', () => {
    expect(panelAt({ panels: [{ panel: 'latest', seconds: 5 }], elapsedSeconds: 12 }).panel).toBe('latest');
  });
});

describe('runnablePanels', () => {
  const twoPanels: ScreenSettings['panels'] = [
    { panel: 'map', seconds: 20 },
    { panel: 'seats-to-watch', seconds: 15 },
  ];

  test('leaves out a panel with nothing to show, so the screen never shows it empty', () => {
    expect(runnablePanels(twoPanels, { 'seats-to-watch': false })).toEqual([{ panel: 'map', seconds: 20 }]);
  });

  test('keeps every panel when each has something to show', () => {
    expect(runnablePanels(twoPanels, { 'seats-to-watch': true })).toEqual(twoPanels);
  });

  test('runs the panels as set when every one of them is empty, rather than none', () => {
    expect(runnablePanels([twoPanels[1]], { 'seats-to-watch': false })).toEqual([twoPanels[1]]);
  });
});

describe('runnablePanels with panels of another election (ADR 0025)', () => {
  const mixed: ScreenSettings['panels'] = [
    { panel: 'map', seconds: 20 },
    { panel: 'race', seconds: 15, election: 'london-2024' },
  ];
  const other = (fills: Record<string, boolean>) => ({ self: 'ge2024', fills: (e: string) => (e === 'london-2024' ? fills : {}) });

  test("runs the other election's panel once its figures fill it", () => {
    expect(runnablePanels(mixed, {}, other({ race: true }))).toEqual(mixed);
  });

  test("leaves it out until its figures are in hand: never drawn from the host's figures", () => {
    expect(runnablePanels(mixed, {}, other({}))).toEqual([{ panel: 'map', seconds: 20 }]);
  });

  test('with only an empty panel of another election, the screen falls back to it alone without the election, never an empty list', () => {
    expect(runnablePanels([{ panel: 'race', seconds: 15, election: 'london-2024' }], {}, other({}))).toEqual([
      { panel: 'race', seconds: 15 },
    ]);
  });
});
