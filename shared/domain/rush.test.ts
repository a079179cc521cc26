import { describe, expect, test } from 'vitest';
import { compactSeat, expandSeat } from '../protocol/compact-snapshot.ts';
import type { NightReference } from '../protocol/compact-schemas.ts';
import type { PartyContinuity, RushInput, Seat } from '../protocol/schemas.ts';
import { changeLine } from './lines.ts';
import { seatOutcome } from './outcome.ts';
import { houseSummary, partyTable } from './party-table.ts';
import { seatCall, seatRush } from './rush.ts';
import { seatState } from './seat-state.ts';

const continuity: PartyContinuity = { aliases: {}, successors: { Brexit: 'RUK' } };
const AT = '2019-12-13T01:02:03Z';
const seat: Seat = {
  code: 'E14000552',
  name: 'Bedford',
  baseline: {
    party: 'Lab',
    votes: [
      { party: 'Lab', votes: 20_000 },
      { party: 'Con', votes: 19_000 },
    ],
  },
  notes: [],
  source: 'test',
};
const rush = (party: string, gainOrHold: 'gain' | 'hold' = 'gain'): RushInput => ({
  party,
  sitting: 'Lab',
  gainOrHold,
  source: 'wire',
  wire: { file: 'Test_General_Election_rush_41_1.xml', revision: 1 },
});
const rushed = (r: RushInput) =>
  seatState({ seat, latest: { version: 1, kind: 'rushed', reason: null, enteredAt: AT, declaration: null, rush: r }, continuity });

describe('a rush: the winner before the figures (ADR 0024)', () => {
  test('reads HOLD or GAIN against our baseline, as the full result will, with its party-table effect', () => {
    expect(seatRush(rush('Con'), seat.baseline, continuity, AT)).toMatchObject({
      label: { kind: 'GAIN', party: 'Con', from: 'Lab', text: 'Con GAIN from Lab' },
      gainFor: 'Con',
      lossFor: 'Lab',
    });
    expect(seatRush(rush('Lab', 'hold'), seat.baseline, continuity, AT)).toMatchObject({
      label: { kind: 'HOLD', text: 'Lab HOLD' },
      gainFor: null,
      lossFor: null,
    });
    // Party continuity, as a result's label: a Brexit Party win is counted as RUK's.
    expect(seatRush(rush('Brexit'), seat.baseline, continuity, AT).label.text).toBe('RUK GAIN from Lab');
    // ELECTION-RULES: the Speaker's seat is a gain or loss for no party.
    expect(seatRush(rush('Spk'), seat.baseline, continuity, AT)).toMatchObject({ gainFor: null, lossFor: 'Lab' });
  });

  test('a rushed seat has the rush and no declaration or outcome; its call is the rush, awaiting figures', () => {
    const state = rushed(rush('Con'));
    expect(state).toMatchObject({
      status: 'rushed',
      lastChange: 'rushed',
      declaration: null,
      outcome: null,
      rush: { party: 'Con', enteredAt: AT },
    });
    expect(seatCall(state)).toEqual({ label: state.rush!.label, awaitingFigures: true });
  });

  test('the party table counts a rushed seat for its winner, with no votes until the figures; declared counts it, turnout and swing do not', () => {
    const state = rushed(rush('Con'));
    const declaredSeat = { baseline: seat.baseline, outcome: state.outcome, rush: state.rush };
    expect(partyTable([declaredSeat], continuity)).toEqual([
      { party: 'Con', seats: 1, gains: 1, losses: 0, net: 1, votes: 0, share: 0, shareChange: null },
      { party: 'Lab', seats: 0, gains: 0, losses: 1, net: -1, votes: 0, share: 0, shareChange: null },
    ]);
    expect(houseSummary([declaredSeat], 650, continuity)).toMatchObject({ declared: 1, nationalSwing: null, turnout: null });
  });

  test('its copy-ready line says the call and that figures follow; the result after it is an ordinary declaration line', () => {
    const before = seatState({ seat, latest: null, continuity });
    const state = rushed(rush('Con'));
    expect(changeLine('rushed', before, state)).toBe('Bedford: Con GAIN from Lab. Figures to follow.');
    const declaration = {
      candidates: [
        { name: 'Mohammad Yasin', party: 'Lab', votes: 20_491 },
        { name: 'Ryan Henson', party: 'Con', votes: 20_346 },
      ],
      enteredAt: AT,
    };
    const result = {
      ...seatState({ seat, latest: { version: 2, kind: 'declared', reason: null, enteredAt: AT, declaration }, continuity }),
    };
    expect(result.rush).toBeUndefined();
    expect(result.outcome).toEqual(seatOutcome({ declaration, baseline: seat.baseline, continuity }));
    expect(changeLine('declared', state, result)).toBe(
      'Bedford: Lab HOLD. Mohammad Yasin wins with a majority of 145; 1.1% swing from Lab to Con.',
    );
  });

  test('goes to a viewer in compact form and comes back as the same seat state', () => {
    const reference = {
      referenceVersion: 'r1',
      seats: [seat],
      parties: [],
      continuity,
      candidates: {},
      expectedTimes: {},
    } satisfies NightReference;
    const state = rushed(rush('Con'));
    const compact = compactSeat(state, reference);
    expect(compact).toEqual(['E14000552', 1, 'rushed', null, AT, null, rush('Con')]);
    expect(expandSeat(compact, reference)).toEqual(state);
  });
});
