import { describe, expect, test } from 'vitest';
import { firstPastThePost, supplementaryVote } from './supplementary-vote.ts';

// The Greater London Returning Officer's 2021 declaration (londonelects.org.uk/mayoral-results), top four and the rest together.
const london2021 = [
  { name: 'Sadiq Khan', party: 'Lab', votes: 1013721 },
  { name: 'Shaun Bailey', party: 'Con', votes: 893051 },
  { name: 'Sian Berry', party: 'Green', votes: 197976 },
  { name: 'Luisa Porritt', party: 'LD', votes: 111716 },
  { name: 'Others', party: 'Oth', votes: 314893 },
];

describe('the supplementary vote', () => {
  test('first round: nobody over half of the valid first choices, so no outright winner (London 2021: Khan 40.05%)', () => {
    const result = supplementaryVote(london2021, null);
    expect(result.validFirstChoices).toBe(2531357);
    expect(result.firstRound[0]).toEqual({ name: 'Sadiq Khan', party: 'Lab', votes: 1013721, share: 40.05 });
    expect(result.decision).toEqual({ kind: 'second-round-pending' });
  });

  test('elimination: all but the top two go out; the two left in are the highest on first choices', () => {
    const result = supplementaryVote(london2021, null);
    expect(result.topTwo!.map((c) => c.name)).toEqual(['Sadiq Khan', 'Shaun Bailey']);
  });

  test('second round: second choices for the two left in are added and the higher total wins (2021: 1,206,034 to 977,601)', () => {
    const result = supplementaryVote(london2021, [
      { name: 'Shaun Bailey', votes: 84550 },
      { name: 'Sadiq Khan', votes: 192313 },
    ]);
    expect(result.secondRound).toEqual([
      { name: 'Sadiq Khan', party: 'Lab', firstChoices: 1013721, secondChoices: 192313, votes: 1206034 },
      { name: 'Shaun Bailey', party: 'Con', firstChoices: 893051, secondChoices: 84550, votes: 977601 },
    ]);
    expect(result.decision).toMatchObject({ kind: 'elected', winner: { name: 'Sadiq Khan', votes: 1206034 }, round: 2, byLot: false });
  });

  test('more than half of the valid first choices elects in the first round, with no second round', () => {
    const result = supplementaryVote(
      [
        { name: 'A', party: 'Lab', votes: 501 },
        { name: 'B', party: 'Con', votes: 499 },
      ],
      null,
    );
    expect(result.decision).toMatchObject({ kind: 'elected', winner: { name: 'A' }, round: 1 });
    expect(result.topTwo).toBeNull();
  });

  test('exactly half is not more than half: the count goes to a second round', () => {
    const result = supplementaryVote(
      [
        { name: 'A', party: 'Lab', votes: 500 },
        { name: 'B', party: 'Con', votes: 300 },
        { name: 'C', party: 'LD', votes: 200 },
      ],
      null,
    );
    expect(result.decision).toEqual({ kind: 'second-round-pending' });
  });

  test('a tie for second place at elimination is a lot: none goes through until the lot is named, then that one does', () => {
    const tied = [
      { name: 'A', party: 'Lab', votes: 400 },
      { name: 'B', party: 'Con', votes: 300 },
      { name: 'C', party: 'LD', votes: 300 },
    ];
    expect(supplementaryVote(tied, null).decision).toEqual({ kind: 'lot-needed', tied: ['B', 'C'], round: 1 });
    expect(supplementaryVote(tied, null, { elimination: 'C' }).topTwo!.map((c) => c.name)).toEqual(['A', 'C']);
    // A name that was not in the tie decides nothing.
    expect(supplementaryVote(tied, null, { elimination: 'A' }).decision.kind).toBe('lot-needed');
  });

  test('a tie in the second round is decided by lot: the declaration names the winner', () => {
    const first = [
      { name: 'A', party: 'Lab', votes: 400 },
      { name: 'B', party: 'Con', votes: 350 },
      { name: 'C', party: 'LD', votes: 250 },
    ];
    const second = [
      { name: 'A', votes: 50 },
      { name: 'B', votes: 100 },
    ];
    expect(supplementaryVote(first, second).decision).toEqual({ kind: 'lot-needed', tied: ['A', 'B'], round: 2 });
    expect(supplementaryVote(first, second, { winner: 'B' }).decision).toMatchObject({
      kind: 'elected',
      winner: { name: 'B' },
      byLot: true,
      round: 2,
    });
  });

  test('no votes elects nobody', () => {
    expect(supplementaryVote([{ name: 'A', party: 'Lab', votes: 0 }], null).decision).toEqual({ kind: 'no-votes' });
  });
});

describe('first past the post over the whole area', () => {
  test('the most votes wins, with no second round (London 2024: Khan 1,088,225, Hall 812,397)', () => {
    const result = firstPastThePost([
      { name: 'Susan Hall', party: 'Con', votes: 812397 },
      { name: 'Sadiq Khan', party: 'Lab', votes: 1088225 },
    ]);
    expect(result.decision).toMatchObject({ kind: 'elected', winner: { name: 'Sadiq Khan' }, round: 1 });
    expect(result.secondRound).toBeNull();
  });

  test('a plurality is enough: no one needs half', () => {
    const result = firstPastThePost([
      { name: 'A', party: 'Lab', votes: 40 },
      { name: 'B', party: 'Con', votes: 35 },
      { name: 'C', party: 'LD', votes: 25 },
    ]);
    expect(result.decision).toMatchObject({ kind: 'elected', winner: { name: 'A' } });
  });

  test('a tie for first is decided by lot', () => {
    const level = [
      { name: 'A', party: 'Lab', votes: 10 },
      { name: 'B', party: 'Con', votes: 10 },
    ];
    expect(firstPastThePost(level).decision).toEqual({ kind: 'lot-needed', tied: ['A', 'B'], round: 1 });
    expect(firstPastThePost(level, 'B').decision).toMatchObject({ kind: 'elected', winner: { name: 'B' }, byLot: true });
  });
});
