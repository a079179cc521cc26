import { describe, expect, test } from 'vitest';
import { DEFAULT_SCREEN } from '../../../shared/protocol/schemas.ts';
import { draftFrom, draftKey, moved, settingsFrom, withOtherElection } from './screen-draft.ts';

describe('the screen settings draft', () => {
  test('lists the running panels first, in order, then the panels left out', () => {
    expect(draftFrom(DEFAULT_SCREEN).map((p) => `${p.panel}:${p.on}`)).toEqual([
      'map:true',
      'party-table:true',
      'seats-to-watch:true',
      'exit-poll:true',
      'projection:true',
      'house:false',
      'latest:false',
      'targets:false',
      'next-to-declare:false',
    ]);
  });

  test('gives back the settings it was made from when nothing is changed', () => {
    expect(settingsFrom(draftFrom(DEFAULT_SCREEN), DEFAULT_SCREEN.gainSpotlightSeconds)).toEqual(DEFAULT_SCREEN);
  });

  test('moves a panel up the running order and keeps the ends in place', () => {
    const draft = draftFrom(DEFAULT_SCREEN);
    expect(
      moved(draft, 1, -1)
        .map((p) => p.panel)
        .slice(0, 2),
    ).toEqual(['party-table', 'map']);
    expect(moved(draft, 0, -1)).toEqual(draft);
  });
});

describe('the screen settings draft with another election (ADR 0025)', () => {
  const mixed = {
    panels: [
      { panel: 'map' as const, seconds: 20 },
      { panel: 'race' as const, seconds: 15, election: 'london-2024' },
    ],
    gainSpotlightSeconds: 8,
  };

  test("lists the other election's panels after the screen's own, and saves them back as they were", () => {
    const draft = draftFrom(mixed, 'london-2024');
    expect(draft.filter((p) => p.election === 'london-2024').map((p) => `${p.panel}:${p.on}`)).toEqual([
      'race:true',
      'map:false',
      'party-table:false',
      'house:false',
      'latest:false',
    ]);
    expect(settingsFrom(draft, 8)).toEqual(mixed);
  });

  test('choosing no other election takes its panels out of the rotation; choosing one adds its panels, off', () => {
    const draft = draftFrom(mixed, 'london-2024');
    expect(settingsFrom(withOtherElection(draft, null), 8).panels).toEqual([{ panel: 'map', seconds: 20 }]);
    const ge = withOtherElection(withOtherElection(draft, null), 'ge2024');
    expect(ge.filter((p) => p.election === 'ge2024').every((p) => !p.on)).toBe(true);
    expect(ge.map(draftKey)).toContain('ge2024-party-table');
  });
});
