import { describe, expect, test } from 'vitest';
import { DEFAULT_SCREEN } from '../../../shared/protocol/schemas.ts';
import { draftFrom, moved, settingsFrom } from './screen-draft.ts';

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
    expect(moved(draft, 1, -1).map((p) => p.panel).slice(0, 2)).toEqual(['party-table', 'map']);
    expect(moved(draft, 0, -1)).toEqual(draft);
  });
});
