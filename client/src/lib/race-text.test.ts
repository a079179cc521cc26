import { describe, expect, test } from 'vitest';
import { gapText } from './race-text.ts';

const khan = { name: 'Sadiq Khan', party: 'Lab', votes: 500_000 };
const hall = { name: 'Susan Hall', party: 'Con', votes: 465_913 };

describe("the race's gap in words", () => {
  test('says the gap cannot now be closed only when the bound says so', () => {
    expect(gapText({ leader: khan, runnerUp: hall, gap: 34_087, decided: true, stillToCome: 20_000 })).toEqual({
      lead: 'Khan leads Hall by 34,087.',
      closing: 'At most 20,000 votes are still to come: the gap cannot now be closed.',
    });
    expect(gapText({ leader: khan, runnerUp: hall, gap: 34_087, decided: false, stillToCome: 900_000 })?.closing).toBe(
      'Up to 900,000 votes still to come: the gap can still be closed.',
    );
  });

  test('with no bound it says it cannot be told yet; with no runner-up there is no gap to tell', () => {
    expect(gapText({ leader: khan, runnerUp: hall, gap: 1, decided: null, stillToCome: null })?.closing).toContain('cannot be told yet');
    expect(gapText({ leader: khan, runnerUp: null, gap: 0, decided: null, stillToCome: null })).toBeNull();
  });
});
