import { describe, expect, test } from 'vitest';
import { seatState } from '../domain/seat-state.ts';
import { CompactSnapshot } from './compact-schemas.ts';
import { compactSnapshot, expandSnapshot, type NightReference } from './compact-snapshot.ts';
import { compactUpdate, expandUpdate, houseAfter } from './compact-update.ts';
import { leanReference, leanSnapshot } from './lean-night.ts';
import { DEFAULT_SCREEN, type Election, type ElectionState, type Seat } from './schemas.ts';

const at = '2019-12-13T01:00:00.000Z';
const seat = (code: string, name: string, mp: string, votes: Array<[string, string, number]>): Seat => ({
  code,
  name,
  baseline: {
    party: votes[0][1],
    mp,
    majority: votes[0][2] - votes[1][2],
    votes: votes.map(([n, party, v]) => ({ party, votes: v, name: n })),
  },
  notes: [{ text: 'A seat to watch.', source: 'article.md' }],
  source: 'results.csv',
});
const seats = [
  seat('E14000001', 'Aldershot', 'Bob Baker', [
    ['Bob Baker', 'Con', 500],
    ['Ann Able', 'Lab', 400],
  ]),
  seat('E14000002', 'Barnsley East', 'Cal Cole', [
    ['Cal Cole', 'Lab', 600],
    ['Dan Dee', 'Con', 300],
  ]),
  seat('E14000003', 'Chorley', 'Fay Fox', [
    ['Fay Fox', 'Lab', 700],
    ['Guy Gill', 'Con', 100],
  ]),
];
const reference: NightReference = {
  referenceVersion: 'v1',
  seats,
  parties: [{ code: 'Con', name: 'Conservative', colour: '#0087dc' }],
  continuity: { aliases: {}, successors: {} },
  candidates: { E14000002: [{ name: 'Eve East', party: 'Brexit' }] },
  expectedTimes: {},
};
const GENERAL: Election = {
  id: 'ge2019',
  name: 'General election 2019',
  kind: 'general',
  totalSeats: 3,
  baselineName: 'GE2017',
  mode: 'rehearsal',
};

function stateOf(
  election: Election,
  declared: Array<{ seat: Seat; candidates: Array<[string, string, number]>; byLot?: string }>,
): ElectionState {
  const { continuity } = reference;
  const seatStates = seats.map((s) => {
    const d = declared.find((x) => x.seat === s);
    if (!d) return seatState({ seat: s, latest: null, continuity });
    const candidates = d.candidates.map(([name, party, votes]) => ({ name, party, votes }));
    const declaration = { candidates, ...(d.byLot && { winnerByLot: d.byLot }), source: 'reporter' as const, enteredAt: at };
    return seatState({ seat: s, latest: { version: 1, kind: 'declared', reason: null, enteredAt: at, declaration }, continuity });
  });
  return {
    election,
    seats,
    seatStates,
    parties: reference.parties,
    house: houseAfter({ election, seats, seatStates }, reference),
    seq: 3,
    generatedAt: at,
    screen: DEFAULT_SCREEN,
    exitPoll: null,
    expectedTimes: {},
  };
}

const night = (election: Election) =>
  stateOf(election, [
    // A gain: the winner is not the MP, so named in full.
    {
      seat: seats[0],
      candidates: [
        ['Ann Able', 'Lab', 550],
        ['Bob Baker', 'Con', 350],
        ['Gil Green', 'Green', 100],
      ],
    },
    // A tie settled by lot: both tied names are kept, the loser by lot too.
    {
      seat: seats[1],
      candidates: [
        ['Eve East', 'Brexit', 20],
        ['Cal Cole', 'Lab', 20],
        ['Dan Dee', 'Con', 5],
      ],
      byLot: 'Cal Cole',
    },
    // The MP re-elected: named by number in the lean reference's one kept name.
    {
      seat: seats[2],
      candidates: [
        ['Fay Fox', 'Lab', 900],
        ['Guy Gill', 'Con', 100],
      ],
    },
  ]);
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the lean reference', () => {
  test('keeps every seat, baseline figure, MP, note and source, and drops candidate lists and the baseline candidates’ names', () => {
    const lean = leanReference(reference);
    expect(lean.referenceVersion).toBe('v1');
    expect(lean.names).toBe('winners');
    expect(lean.candidates).toEqual({});
    expect(lean.seats[0]).toEqual({
      ...seats[0],
      baseline: {
        ...seats[0].baseline,
        votes: [
          { party: 'Con', votes: 500 },
          { party: 'Lab', votes: 400 },
        ],
      },
    });
    expect(leanReference(reference)).toBe(lean);
  });
});

describe('the lean snapshot', () => {
  test('names each seat’s winners only: in full, or by number where the winner is the MP', () => {
    const compact = leanSnapshot(compactSnapshot(night(GENERAL), reference), reference);
    expect(compact.names).toBe('winners');
    expect(compact.house).toBeUndefined(); // worked out from the seats on reading
    expect(CompactSnapshot.safeParse(wire(compact)).success).toBe(true);
    const [aldershot, barnsley, chorley] = compact.seats.map((s) => s[5]?.candidates);
    expect(aldershot).toEqual([
      ['Ann Able', 'Lab', 550],
      ['', 'Con', 350],
      ['', 'Green', 100],
    ]);
    expect(barnsley).toEqual([
      ['Eve East', 'Brexit', 20],
      [0, 'Lab', 20],
      ['', 'Con', 5],
    ]);
    expect(chorley).toEqual([
      [0, 'Lab', 900],
      ['', 'Con', 100],
    ]);
  });

  test('reads back against the lean reference to the same figures, winners and labels as the whole state', () => {
    const state = night(GENERAL);
    const expanded = expandSnapshot(wire(leanSnapshot(compactSnapshot(state, reference), reference)), wire(leanReference(reference)));
    expect(expanded.house).toEqual(state.house);
    for (const [i, s] of expanded.seatStates.entries()) {
      const whole = state.seatStates[i];
      expect(s.outcome?.winner).toEqual(whole.outcome?.winner);
      expect(s.outcome?.label).toEqual(whole.outcome?.label);
      expect(s.outcome?.majority).toBe(whole.outcome?.majority);
      expect(s.outcome?.candidates.map((c) => [c.party, c.votes, c.share, c.shareChange])).toEqual(
        whole.outcome?.candidates.map((c) => [c.party, c.votes, c.share, c.shareChange]),
      );
    }
    expect(expanded.seatStates[1].outcome?.winner.name).toBe('Cal Cole');
    expect(expanded.seatStates[2].outcome?.winner.name).toBe('Fay Fox');
  });

  test('keeps every name in a mayoral count, whose race shows each candidate (the MP’s by number)', () => {
    const mayoral: Election = {
      ...GENERAL,
      id: 'mayor',
      kind: 'mayoral',
      count: { votingSystem: 'fptp', wholeArea: 'E14000003', mayor: { name: 'Fay Fox', party: 'Lab' } },
    };
    const compact = leanSnapshot(compactSnapshot(night(mayoral), reference), reference);
    expect(compact.seats[0][5]?.candidates.map(([name]) => name)).toEqual(['Ann Able', 0, 'Gil Green']);
  });

  test('cannot be read against the whole reference, nor the whole snapshot against the lean one', () => {
    const state = night(GENERAL);
    const whole = compactSnapshot(state, reference);
    expect(() => expandSnapshot(leanSnapshot(whole, reference), reference)).toThrow(/names/);
    expect(() => expandSnapshot(whole, leanReference(reference))).toThrow(/names/);
  });
});

describe('numbered updates', () => {
  test('name their candidates in full, so a screen holding the lean reference reads them whole', () => {
    const state = night(GENERAL);
    const update = { election: 'ge2019', seq: 4, change: 'declared' as const, seat: state.seatStates[1], house: null, line: 'A line.', at };
    const compact = wire(compactUpdate(update, reference));
    expect(compact.seat[5]?.candidates.map(([name]) => name)).toEqual(['Eve East', 'Cal Cole', 'Dan Dee']);
    expect(JSON.stringify(expandUpdate(compact, leanReference(reference)))).toBe(JSON.stringify(update));
  });
});
