import { describe, expect, test } from 'vitest';
import { declaredSeat, houseSummary } from '../domain/party-table.ts';
import { seatState } from '../domain/seat-state.ts';
import { CompactSnapshot, CompactUpdate } from './compact-schemas.ts';
import { compactSnapshot, expandSnapshot, type NightReference } from './compact-snapshot.ts';
import { compactUpdate, expandUpdate, houseAfter } from './compact-update.ts';
import { DEFAULT_SCREEN, type ElectionState, type ElectionUpdate, type Seat } from './schemas.ts';

const seats: Seat[] = [
  {
    code: 'E14000001',
    name: 'Aldershot',
    baseline: {
      party: 'Con',
      mp: 'Bob Baker',
      majority: 100,
      votes: [
        { party: 'Con', votes: 500, name: 'Bob Baker' },
        { party: 'Lab', votes: 400, name: 'Ann Able' },
      ],
    },
    notes: [{ text: 'A seat to watch.', source: 'article.md' }],
    source: 'article.md',
  },
  { code: 'E14000002', name: 'Barnsley East', baseline: { party: 'Lab' }, notes: [], source: 'results.csv' },
  { code: 'E14000003', name: 'Chorley', baseline: { party: 'Lab' }, heldAtDissolution: { party: 'Spk' }, notes: [], source: 'results.csv' },
  { code: 'E14000004', name: 'Dover', baseline: { party: 'Con' }, notes: [], source: 'results.csv' },
];

const reference: NightReference = {
  referenceVersion: 'v1',
  seats,
  parties: [{ code: 'Con', name: 'Conservative', colour: '#0087dc' }],
  continuity: { aliases: {}, successors: { Brexit: 'RUK' } },
  candidates: { E14000002: [{ name: 'Dee Dale', party: 'Lab' }] },
  expectedTimes: {},
};

const at = '2019-12-13T01:00:00.000Z';
const declaration = (candidates: Array<[string, string, number]>, extra: object = {}) => ({
  candidates: candidates.map(([name, party, votes]) => ({ name, party, votes })),
  ...extra,
  enteredAt: at,
});

function inventedState(): ElectionState {
  const { continuity } = reference;
  const seatStates = [
    seatState({
      seat: seats[0],
      latest: {
        version: 2,
        kind: 'corrected',
        reason: 'typo in Lab votes',
        enteredAt: at,
        declaration: declaration(
          [
            ['Ann Able', 'Lab', 550],
            ['Bob Baker', 'Con', 350],
            ['Gil Green', 'Green', 100],
          ],
          { electorate: 2000, rejected: 7, validVotes: 1000, declaredAt: '2019-12-13T00:58:00+00:00', source: 'reporter' },
        ),
      },
      continuity,
    }),
    seatState({
      seat: seats[1],
      latest: {
        version: 1,
        kind: 'declared',
        reason: null,
        enteredAt: at,
        declaration: declaration(
          [
            ['Dee Dale', 'Lab', 20],
            ['Eve East', 'Brexit', 20],
          ],
          { winnerByLot: 'Dee Dale' },
        ),
      },
      continuity,
    }),
    seatState({
      seat: seats[2],
      latest: { version: 3, kind: 'recount', reason: 'close result', enteredAt: at, declaration: null },
      continuity,
    }),
    seatState({ seat: seats[3], latest: null, continuity }),
  ];
  return {
    election: { id: 'ge2019', name: 'General election 2019', kind: 'general', totalSeats: 4, baselineName: 'GE2017', mode: 'rehearsal' },
    seats,
    seatStates,
    parties: reference.parties,
    house: houseSummary(
      seatStates.map((s, i) => declaredSeat(seats[i].baseline, s)),
      4,
      continuity,
    ),
    seq: 6,
    generatedAt: at,
    screen: DEFAULT_SCREEN,
    exitPoll: null,
    expectedTimes: {},
  };
}

describe('compactSnapshot and expandSnapshot', () => {
  test('give back the whole state: seats, outcomes, House, sequence number, mode and screen', () => {
    const state = inventedState();
    const wire = JSON.parse(JSON.stringify(compactSnapshot(state, reference))) as CompactSnapshot;
    expect(expandSnapshot(wire, reference)).toEqual(state);
  });

  test('keep the server key order, so a digest of the expanded state equals one of the state', () => {
    const state = inventedState();
    const expanded = expandSnapshot(compactSnapshot(state, reference), reference);
    expect(JSON.stringify(expanded.seatStates)).toBe(JSON.stringify(state.seatStates));
  });

  test('send no outcomes, and name known candidates by their number in the candidate list or the baseline', () => {
    const compact = compactSnapshot(inventedState(), reference);
    expect(JSON.stringify(compact)).not.toContain('outcome');
    const [aldershot, barnsley, chorley, dover] = compact.seats;
    expect(aldershot[5]?.candidates).toEqual([
      [1, 'Lab', 550],
      [0, 'Con', 350],
      ['Gil Green', 'Green', 100],
    ]);
    expect(barnsley[5]?.candidates[0]).toEqual([0, 'Lab', 20]);
    expect(chorley).toEqual(['E14000003', 3, 'recount', 'close result', at, null]);
    expect(dover).toEqual(['E14000004']);
  });

  test('is accepted by its own schema', () => {
    expect(CompactSnapshot.safeParse(compactSnapshot(inventedState(), reference)).success).toBe(true);
  });

  test('refuses a seat the reference does not hold, asking for the reference again', () => {
    const compact = compactSnapshot(inventedState(), reference);
    const older = { ...reference, seats: seats.slice(1) };
    expect(() => expandSnapshot(compact, older)).toThrow(/E14000001 is not in reference v1: fetch the reference again/);
  });
});

describe('compactUpdate and expandUpdate', () => {
  const updatesOf = (state: ElectionState): ElectionUpdate[] =>
    state.seatStates
      .filter((seat) => seat.version > 0)
      .map((seat, i) => ({
        election: 'ge2019',
        seq: i + 4,
        change: seat.lastChange!,
        seat,
        house: i === 0 ? state.house : null,
        line: `${seat.name}: a line.`,
        at,
      }));

  test('give back each update whole but for the House, in the server key order: declared, corrected, a recount with no figures', () => {
    for (const update of updatesOf(inventedState())) {
      const wire = JSON.parse(JSON.stringify(compactUpdate(update, reference))) as CompactUpdate;
      expect(CompactUpdate.safeParse(wire).success).toBe(true);
      expect(JSON.stringify(expandUpdate(wire, reference))).toBe(JSON.stringify({ ...update, house: null }));
    }
  });

  test('leave the House to the screen: houseAfter gives exactly the figures the server computed', () => {
    const state = inventedState();
    expect(JSON.stringify(houseAfter(state, reference))).toBe(JSON.stringify(state.house));
  });

  test('name the reference they were made against, and send no outcome and no House', () => {
    const [corrected] = updatesOf(inventedState());
    const compact = compactUpdate(corrected, reference);
    expect(compact.referenceVersion).toBe('v1');
    expect(JSON.stringify(compact)).not.toContain('outcome');
    expect(JSON.stringify(compact)).not.toContain('partyTable');
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify({ ...corrected, house: null }).length / 2);
  });
});
