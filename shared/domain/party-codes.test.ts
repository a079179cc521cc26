import { describe, expect, test } from 'vitest';
import { knownPartyCodes, reallyNewParties, suggestParty, unknownPartyProblems } from './party-codes.ts';

const parties = [
  { code: 'Lab', name: 'Labour' },
  { code: 'Con', name: 'Conservative' },
  { code: 'Green', name: 'Green' },
  { code: 'LD', name: 'Liberal Democrat' },
];
const known = knownPartyCodes({
  parties,
  continuity: { aliases: { 'Lab Co-op': 'Lab' }, successors: { Brexit: 'RUK' } },
  seats: [{ baseline: { party: 'Con', votes: [{ party: 'UKIP' }] }, heldAtDissolution: { party: 'Ind' } }],
  candidateLists: { E14000654: [{ party: 'NHA' }] },
  published: ['Yorks'],
});

describe('the party codes an election knows', () => {
  test('come from the parties table, continuity, baselines, candidate lists and published results', () => {
    for (const code of ['Lab', 'Lab Co-op', 'Brexit', 'RUK', 'UKIP', 'NHA', 'Yorks', 'Ind', 'Spk']) expect(known.has(code)).toBe(true);
    expect(known.has('Labour')).toBe(false);
  });

  test('a party name typed in the code box suggests its code', () => {
    expect(suggestParty('Labour', known, parties)).toBe('Lab');
    expect(suggestParty('lab', known, parties)).toBe('Lab');
    expect(suggestParty('Green Party', known, parties)).toBe('Green');
    expect(suggestParty('Conservatives', known, parties)).toBe('Con');
    expect(suggestParty('Zzz', known, parties)).toBeNull();
  });

  test('an unknown code is a problem naming the candidate, the code and the likely meaning', () => {
    const problems = unknownPartyProblems([{ party: 'Con' }, { party: 'Labour' }], known, parties);
    expect(problems).toEqual([
      {
        path: 'candidates[1].party',
        message: expect.stringContaining('"Labour" is not a party code this election knows: did you mean Lab?'),
      },
    ]);
  });

  test('an unknown code sent as a new party on purpose is no problem', () => {
    expect(unknownPartyProblems([{ party: 'Newco' }], known, parties, ['Newco'])).toEqual([]);
    expect(reallyNewParties(['Newco', 'Lab', 'Newco'], known)).toEqual(['Newco']);
  });
});
