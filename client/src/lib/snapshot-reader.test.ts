import { describe, expect, test } from 'vitest';
import { houseSummary } from '../../../shared/domain/party-table.ts';
import { seatState } from '../../../shared/domain/seat-state.ts';
import { compactSnapshot, type NightReference } from '../../../shared/protocol/compact-snapshot.ts';
import { applyUpdate } from '../../../shared/protocol/apply-update.ts';
import { compactUpdate } from '../../../shared/protocol/compact-update.ts';
import { leanReference, leanSnapshot } from '../../../shared/protocol/lean-night.ts';
import { DEFAULT_SCREEN, type ElectionState, type ElectionUpdate } from '../../../shared/protocol/schemas.ts';
import { SnapshotReader } from './snapshot-reader.ts';

const reference: NightReference = {
  referenceVersion: 'v1',
  seats: [{ code: 'E14000001', name: 'Aldershot', baseline: { party: 'Con' }, notes: [], source: 'results.csv' }],
  parties: [],
  continuity: { aliases: {}, successors: {} },
  candidates: { E14000001: [{ name: 'Ann Able', party: 'Lab' }] },
  expectedTimes: {},
};
const seat = reference.seats[0];
const at = '2019-12-13T01:00:00.000Z';
const undeclared: ElectionState = {
  election: { id: 'ge2019', name: 'General election 2019', kind: 'general', totalSeats: 1, baselineName: 'GE2017', mode: 'rehearsal' },
  seats: reference.seats,
  seatStates: [seatState({ seat, latest: null, continuity: reference.continuity })],
  parties: [],
  house: houseSummary([{ baseline: seat.baseline, outcome: null }], 1, reference.continuity),
  seq: 0,
  generatedAt: at,
  screen: DEFAULT_SCREEN,
  exitPoll: null,
  expectedTimes: {},
};
const declared = seatState({
  seat,
  latest: {
    version: 1,
    kind: 'declared',
    reason: null,
    enteredAt: at,
    declaration: {
      candidates: [
        { name: 'Ann Able', party: 'Lab', votes: 300 },
        { name: 'Bob Baker', party: 'Con', votes: 200 },
      ],
      enteredAt: at,
    },
  },
  continuity: reference.continuity,
});
const update: ElectionUpdate = {
  election: 'ge2019',
  seq: 1,
  change: 'declared',
  seat: declared,
  house: undeclared.house,
  line: 'Aldershot: Lab GAIN from Con.',
  at,
};

describe('SnapshotReader', () => {
  const reader = () =>
    new SnapshotReader({
      fetchReference: async () => reference,
      fetchState: async () => undeclared,
    });

  test('reads an update against the reference of the snapshot before it, outcome and all, then the House after it', async () => {
    const r = reader();
    await r.read(compactSnapshot(undeclared, reference));
    const read = r.readUpdate(compactUpdate(update, reference))!;
    expect(read).toEqual({ ...update, house: null });
    expect(read.seat.outcome!.label.text).toBe('Lab GAIN from Con');
    const applied = applyUpdate({ state: undeclared, update: read });
    if (applied.kind !== 'applied') throw new Error(applied.kind);
    const lab = r.withHouse(applied.state).house.partyTable.find((row) => row.party === 'Lab')!;
    expect([lab.seats, lab.gains, lab.votes]).toEqual([1, 1, 300]);
  });

  test('gives no update made against another reference, nor one before any snapshot: the screen asks for the state again', async () => {
    const r = reader();
    expect(r.readUpdate(compactUpdate(update, reference))).toBeNull();
    await r.read(compactSnapshot(undeclared, reference));
    expect(r.readUpdate(compactUpdate(update, { ...reference, referenceVersion: 'v2' }))).toBeNull();
  });
});

describe('SnapshotReader, lean (the dashboard, the big screen)', () => {
  const declaredState: ElectionState = { ...undeclared, seatStates: [declared], seq: 1 };
  const lean = leanReference(reference);

  test('reads the lean snapshot against the lean reference: the winner named, the runner-up not', async () => {
    const r = new SnapshotReader({
      fetchReference: async () => lean,
      fetchState: async () => declaredState,
      fetchLeanSnapshot: async () => leanSnapshot(compactSnapshot(declaredState, reference), reference),
    });
    const state = await r.read(leanSnapshot(compactSnapshot(declaredState, reference), reference));
    expect(state.seatStates[0].outcome!.winner.name).toBe('Ann Able');
    expect(state.seatStates[0].declaration!.candidates.map((c) => c.name)).toEqual(['Ann Able', '']);
  });

  test('reads the socket’s whole snapshot (a resync) from the lean one fetched afresh, never its numbers against the lean list', async () => {
    const fetched: string[] = [];
    const r = new SnapshotReader({
      fetchReference: async () => lean,
      fetchState: async () => declaredState,
      fetchLeanSnapshot: async (id) => {
        fetched.push(id);
        return leanSnapshot(compactSnapshot(declaredState, reference), reference);
      },
    });
    const whole = compactSnapshot(declaredState, reference);
    expect(whole.seats[0][5]?.candidates[0][0]).toBe(0); // Ann Able, by her number in the candidate list
    const state = await r.read(whole);
    expect(fetched).toEqual(['ge2019']);
    expect(state.seatStates[0].outcome!.winner.name).toBe('Ann Able');
  });

  test('reads a numbered update whole, every name, against the lean reference', async () => {
    const r = new SnapshotReader({
      fetchReference: async () => lean,
      fetchState: async () => undeclared,
      fetchLeanSnapshot: async () => leanSnapshot(compactSnapshot(undeclared, reference), reference),
    });
    await r.read(leanSnapshot(compactSnapshot(undeclared, reference), reference));
    expect(r.readUpdate(compactUpdate(update, reference))).toEqual({ ...update, house: null });
  });
});
