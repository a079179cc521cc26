import { describe, expect, test } from 'vitest';
import { DeclarationInput, SeatBaseline, SeatCode } from './schemas.ts';

const croydonCentral = {
  seat: 'E14000654',
  candidates: [
    { name: 'Sarah Jones', party: 'Lab', votes: 29873 },
    { name: 'Gavin Barwell', party: 'Con', votes: 24221 },
  ],
  electorate: 80000,
  validVotes: 54094,
  declaredAt: '2017-06-09T02:31:00+01:00',
};

/** The issues zod finds, as field path and message. */
function issues(input: unknown) {
  const parsed = DeclarationInput.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe('DeclarationInput', () => {
  test('accepts a complete declaration', () => {
    expect(DeclarationInput.safeParse(croydonCentral).success).toBe(true);
  });

  test('accepts a declaration with only the seat and candidates', () => {
    expect(DeclarationInput.safeParse({ seat: 'E14000654', candidates: croydonCentral.candidates }).success).toBe(true);
  });

  test('accepts a candidate with no votes', () => {
    const zero = { ...croydonCentral, candidates: [{ name: 'Nobody Voted', party: 'Oth', votes: 0 }] };
    expect(DeclarationInput.safeParse(zero).success).toBe(true);
  });

  test('rejects negative votes, naming the candidate’s votes', () => {
    const negative = { ...croydonCentral, candidates: [croydonCentral.candidates[0], { name: 'B', party: 'Con', votes: -5 }] };
    expect(issues(negative)).toEqual([{ path: ['candidates', 1, 'votes'], message: 'must be a whole number of votes >= 0' }]);
  });

  test('rejects fractional votes, naming the candidate’s votes', () => {
    const fractional = { ...croydonCentral, candidates: [{ name: 'A', party: 'Lab', votes: 10.5 }] };
    expect(issues(fractional)).toEqual([{ path: ['candidates', 0, 'votes'], message: 'must be a whole number of votes >= 0' }]);
  });

  test('rejects votes given as text, naming the candidate’s votes', () => {
    const text = { ...croydonCentral, candidates: [{ name: 'A', party: 'Lab', votes: '29873' }] };
    expect(issues(text).map((i) => i.path)).toEqual([['candidates', 0, 'votes']]);
  });

  test('rejects a seat that is not an ONS code, naming seat', () => {
    expect(issues({ ...croydonCentral, seat: 'Croydon Central' })).toEqual([
      { path: ['seat'], message: 'must be an ONS code such as E14000654' },
    ]);
  });

  test('rejects a declaration with no candidates, naming candidates', () => {
    expect(issues({ ...croydonCentral, candidates: [] })).toEqual([{ path: ['candidates'], message: 'must list at least one candidate' }]);
  });

  test('rejects a candidate with no party, naming the candidate’s party', () => {
    const noParty = { ...croydonCentral, candidates: [{ name: 'A', party: '  ', votes: 1 }] };
    expect(issues(noParty).map((i) => i.path)).toEqual([['candidates', 0, 'party']]);
  });

  test('rejects a negative or fractional electorate, naming electorate', () => {
    expect(issues({ ...croydonCentral, electorate: -1 }).map((i) => i.path)).toEqual([['electorate']]);
    expect(issues({ ...croydonCentral, electorate: 1.5 }).map((i) => i.path)).toEqual([['electorate']]);
  });

  test('rejects a declaration time without an offset, naming declaredAt', () => {
    expect(issues({ ...croydonCentral, declaredAt: 'about half two' }).map((i) => i.path)).toEqual([['declaredAt']]);
  });

  test('reports every wrong field at once', () => {
    const bad = { ...croydonCentral, seat: 'X1', candidates: [{ name: 'A', party: 'Lab', votes: -1 }], rejected: 0.5 };
    expect(issues(bad).map((i) => i.path)).toEqual([['seat'], ['candidates', 0, 'votes'], ['rejected']]);
  });
});

describe('SeatCode', () => {
  test('accepts ONS codes for the four nations and London', () => {
    for (const code of ['E14000654', 'W07000041', 'S14000001', 'N06000001', 'E12000007']) {
      expect(SeatCode.safeParse(code).success).toBe(true);
    }
  });

  test('rejects codes of the wrong shape', () => {
    for (const code of ['e14000654', 'E1400065', 'E140006540', 'X14000654', '']) {
      expect(SeatCode.safeParse(code).success).toBe(false);
    }
  });
});

describe('SeatBaseline', () => {
  test('accepts a partial baseline with only the holder and the majority', () => {
    expect(SeatBaseline.safeParse({ party: 'Con', mp: 'Gavin Barwell', majority: 165 }).success).toBe(true);
  });

  test('accepts a vacant seat', () => {
    expect(SeatBaseline.safeParse({ party: null }).success).toBe(true);
  });

  test('rejects a majority percentage range whose minimum exceeds its maximum', () => {
    const parsed = SeatBaseline.safeParse({ party: 'Lab', majorityPercentRange: { min: 20, max: 10 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['majorityPercentRange']);
  });
});
