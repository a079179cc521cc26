import { describe, expect, test } from 'vitest';
import { diffReply } from '../../../shared/protocol/embed-delta.ts';
import type { EmbedDelta } from '../../../shared/protocol/embed-replies.ts';
import { nextHeld } from './embed-reply.ts';

type Reply = { kind: 'party-table'; version: string; seq: number; rows: { party: string; seats: number }[] };
const table = (version: string, seq: number, lab: number, con: number): Reply => ({
  kind: 'party-table',
  version,
  seq,
  rows: [
    { party: 'Lab', seats: lab },
    { party: 'Con', seats: con },
  ].sort((a, b) => b.seats - a.seats),
});
const delta = (from: Reply, to: Reply): EmbedDelta => ({
  kind: 'delta',
  from: from.version,
  version: to.version,
  ops: diffReply(from, to),
});

describe("a polling embed's reply, kept up with the changes it is sent", () => {
  test('the whole reply replaces what it held; changes from the version it holds are made to it, in order', () => {
    const v1 = table('v1', 1, 1, 0);
    const v2 = table('v2', 2, 1, 2);
    const v3 = table('v3', 3, 4, 2);
    let held = nextHeld<Reply>(null, v1);
    expect(held).toEqual(v1);
    held = nextHeld(held, delta(v1, v2));
    expect(held).toEqual(v2);
    held = nextHeld(held, delta(v2, v3));
    expect(held).toEqual(v3);
    expect(held?.rows.map((r) => r.party)).toEqual(['Lab', 'Con']);
  });

  test('changes from another version than the one it holds are not made: it asks for the whole reply', () => {
    const v1 = table('v1', 1, 1, 0);
    const v2 = table('v2', 2, 1, 2);
    const v3 = table('v3', 3, 4, 2);
    expect(nextHeld(v1, delta(v2, v3))).toBeNull();
    expect(nextHeld(null, delta(v1, v2))).toBeNull();
  });

  test('changes that do not fit what it holds are not half made', () => {
    const v1 = table('v1', 1, 1, 0);
    const broken: EmbedDelta = { kind: 'delta', from: 'v1', version: 'v2', ops: [['s', ['house', 'declared'], 3]] };
    expect(nextHeld(v1, broken)).toBeNull();
    expect(v1).toEqual(table('v1', 1, 1, 0));
  });
});
