import { describe, expect, test } from 'vitest';
import type { ScreenSettings } from '../protocol/schemas.ts';
import { otherElectionOf, panelsAnotherElectionFills, screenElectionProblems } from './screen-elections.ts';

const screen = (panels: ScreenSettings['panels']): ScreenSettings => ({ panels, gainSpotlightSeconds: 8 });
const known = ['ge2024', 'london-2024', 'london-2021'];

describe('two elections on one screen: the settings (ADR 0025)', () => {
  test("a general election's rotation may run the mayoral race of the same day", () => {
    const mixed = screen([
      { panel: 'map', seconds: 20 },
      { panel: 'race', seconds: 15, election: 'london-2024' },
    ]);
    expect(screenElectionProblems(mixed, 'ge2024', known)).toEqual([]);
    expect(otherElectionOf(mixed, 'ge2024')).toBe('london-2024');
  });

  test('a panel naming its own election is its own panel', () => {
    const own = screen([{ panel: 'map', seconds: 20, election: 'ge2024' }]);
    expect(screenElectionProblems(own, 'ge2024', known)).toEqual([]);
    expect(otherElectionOf(own, 'ge2024')).toBeNull();
  });

  test('an election not on the server is refused, naming the field', () => {
    expect(screenElectionProblems(screen([{ panel: 'race', seconds: 15, election: 'london-2028' }]), 'ge2024', known)).toEqual([
      { path: 'panels[0].election', message: 'no election "london-2028" on this server' },
    ]);
  });

  test('a third election on one screen is refused', () => {
    const three = screen([
      { panel: 'race', seconds: 15, election: 'london-2024' },
      { panel: 'race', seconds: 15, election: 'london-2021' },
    ]);
    expect(screenElectionProblems(three, 'ge2024', known)).toEqual([
      { path: 'panels[1].election', message: 'a screen shows two elections at most: its own and "london-2024", not "london-2021" too' },
    ]);
  });

  test("a panel that needs the host's own story (seats to watch, the exit poll) cannot come from another election", () => {
    expect(screenElectionProblems(screen([{ panel: 'exit-poll', seconds: 15, election: 'london-2024' }]), 'ge2024', known)[0].path).toBe(
      'panels[0].election',
    );
  });
});

describe("what another election's panel has to show", () => {
  test('a mayoral count fills the race, never a party table of its areas as seats', () => {
    const fills = panelsAnotherElectionFills({ mayoral: true, declared: 3 });
    expect(fills.race).toBe(true);
    expect(fills['party-table']).toBe(false);
    expect(fills.map).toBe(false);
    expect(fills.latest).toBe(true);
  });

  test('a House election fills its map, party table and House bar, and no race', () => {
    const fills = panelsAnotherElectionFills({ mayoral: false, declared: 0 });
    expect(fills).toMatchObject({ race: false, map: true, 'party-table': true, house: true, latest: false });
  });

  test('nothing is shown before its figures are in hand', () => {
    expect(Object.values(panelsAnotherElectionFills(null)).every((v) => v === false)).toBe(true);
  });
});
