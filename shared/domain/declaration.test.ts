import { describe, expect, test } from 'vitest';
import { declarationProblems, rankCandidates, sumVotes, tiedForFirst } from './declaration.ts';

const candidates = [
  { name: 'Ann Able', party: 'Lab', votes: 300 },
  { name: 'Bob Baker', party: 'Con', votes: 500 },
  { name: 'Cat Clark', party: 'LD', votes: 200 },
];

describe('sumVotes', () => {
  test('adds up the candidates’ votes into the valid vote', () => {
    expect(sumVotes(candidates)).toBe(1000);
  });

  test('is 0 for no candidates', () => {
    expect(sumVotes([])).toBe(0);
  });
});

describe('rankCandidates', () => {
  test('orders the candidates by votes, most first', () => {
    expect(rankCandidates(candidates).map((c) => c.name)).toEqual(['Bob Baker', 'Ann Able', 'Cat Clark']);
  });

  test('keeps the order given for candidates with equal votes', () => {
    const tied = [
      { name: 'First', votes: 10 },
      { name: 'Second', votes: 10 },
      { name: 'Third', votes: 20 },
    ];
    expect(rankCandidates(tied).map((c) => c.name)).toEqual(['Third', 'First', 'Second']);
  });

  test('does not reorder the list it was given', () => {
    const given = [...candidates];
    rankCandidates(given);
    expect(given).toEqual(candidates);
  });
});

describe('tiedForFirst', () => {
  test('is empty where one candidate has most votes', () => {
    expect(tiedForFirst(candidates)).toEqual([]);
  });

  test('names every candidate tied for first place', () => {
    const tied = [
      { name: 'Ann Able', votes: 400 },
      { name: 'Bob Baker', votes: 400 },
      { name: 'Cat Clark', votes: 400 },
      { name: 'Dan Dean', votes: 10 },
    ];
    expect(tiedForFirst(tied)).toEqual(['Ann Able', 'Bob Baker', 'Cat Clark']);
  });

  test('ignores a tie below first place', () => {
    const tied = [
      { name: 'Ann Able', votes: 500 },
      { name: 'Bob Baker', votes: 300 },
      { name: 'Cat Clark', votes: 300 },
    ];
    expect(tiedForFirst(tied)).toEqual([]);
  });

  test('is empty for a single, unopposed candidate', () => {
    expect(tiedForFirst([{ name: 'Ann Able', votes: 0 }])).toEqual([]);
  });
});

describe('declarationProblems', () => {
  test('finds nothing wrong with a sound result', () => {
    expect(declarationProblems({ candidates, validVotes: 1000 })).toEqual([]);
  });

  test('accepts a result that does not state the valid vote', () => {
    expect(declarationProblems({ candidates })).toEqual([]);
  });

  test('rejects a result with no candidates, naming candidates', () => {
    expect(declarationProblems({ candidates: [] })).toEqual([
      { path: 'candidates', message: expect.stringContaining('at least one candidate') },
    ]);
  });

  test('rejects a valid vote that does not add up, naming validVotes and the true total', () => {
    const problems = declarationProblems({ candidates, validVotes: 1001 });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('validVotes');
    expect(problems[0].message).toContain('1000');
    expect(problems[0].message).toContain('1001');
  });

  test('rejects a party listed twice, naming the second listing', () => {
    const twice = [...candidates, { name: 'Dan Dean', party: 'Lab', votes: 50 }];
    const problems = declarationProblems({ candidates: twice });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('candidates[3].party');
    expect(problems[0].message).toContain('candidates[0]');
  });

  test('names each extra listing of a party listed three times', () => {
    const thrice = [...candidates, { name: 'D', party: 'Con', votes: 1 }, { name: 'E', party: 'Con', votes: 2 }];
    expect(declarationProblems({ candidates: thrice }).map((p) => p.path)).toEqual(['candidates[3].party', 'candidates[4].party']);
  });

  test('accepts two independent candidates', () => {
    const independents = [...candidates, { name: 'Ivy Inman', party: 'Ind', votes: 71 }, { name: 'Ian Irving', party: 'Ind', votes: 40 }];
    expect(declarationProblems({ candidates: independents })).toEqual([]);
  });

  test('accepts two candidates under others', () => {
    const others = [...candidates, { name: 'O One', party: 'Oth', votes: 5 }, { name: 'O Two', party: 'Oth', votes: 6 }];
    expect(declarationProblems({ candidates: others })).toEqual([]);
  });

  test('rejects a tie for first place without winnerByLot, naming winnerByLot and the tied candidates', () => {
    const tie = [
      { name: 'Ann Able', party: 'Lab', votes: 500 },
      { name: 'Bob Baker', party: 'Con', votes: 500 },
    ];
    const problems = declarationProblems({ candidates: tie });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('winnerByLot');
    expect(problems[0].message).toContain('Ann Able and Bob Baker');
  });

  test('accepts a tie for first place decided by lot', () => {
    const tie = [
      { name: 'Ann Able', party: 'Lab', votes: 500 },
      { name: 'Bob Baker', party: 'Con', votes: 500 },
    ];
    expect(declarationProblems({ candidates: tie, winnerByLot: 'Bob Baker' })).toEqual([]);
  });

  test('rejects winnerByLot naming someone not in the tie', () => {
    const tie = [
      { name: 'Ann Able', party: 'Lab', votes: 500 },
      { name: 'Bob Baker', party: 'Con', votes: 500 },
      { name: 'Cat Clark', party: 'LD', votes: 100 },
    ];
    const problems = declarationProblems({ candidates: tie, winnerByLot: 'Cat Clark' });
    expect(problems).toEqual([{ path: 'winnerByLot', message: expect.stringContaining('Ann Able, Bob Baker') }]);
  });

  test('rejects winnerByLot on a result with a clear winner', () => {
    const problems = declarationProblems({ candidates, winnerByLot: 'Bob Baker' });
    expect(problems).toEqual([{ path: 'winnerByLot', message: expect.stringContaining('clear winner') }]);
  });

  test('reports every problem at once', () => {
    const bad = [
      { name: 'Ann Able', party: 'Lab', votes: 500 },
      { name: 'Bob Baker', party: 'Lab', votes: 500 },
    ];
    expect(declarationProblems({ candidates: bad, validVotes: 999 }).map((p) => p.path)).toEqual([
      'candidates[1].party',
      'validVotes',
      'winnerByLot',
    ]);
  });

  test('SV second round: second choices only for candidates on the ballot, each named once', () => {
    expect(
      declarationProblems({
        candidates,
        secondRound: [
          { name: 'ann able', votes: 10 },
          { name: 'Bob Baker', votes: 5 },
        ],
      }),
    ).toEqual([]);
    expect(declarationProblems({ candidates, secondRound: [{ name: 'Zed', votes: 10 }] })).toEqual([
      { path: 'secondRound[0].name', message: 'Zed is not one of the candidates' },
    ]);
    expect(
      declarationProblems({
        candidates,
        secondRound: [
          { name: 'Ann Able', votes: 1 },
          { name: 'Ann Able', votes: 2 },
        ],
      }),
    ).toEqual([{ path: 'secondRound[1].name', message: 'Ann Able is given second choices twice' }]);
  });
});
