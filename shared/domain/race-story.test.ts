import { describe, expect, test } from 'vitest';
import { raceStory, sameRaceStory } from './race-story.ts';
import { firstPastThePost } from './supplementary-vote.ts';

const khan = { name: 'Sadiq Khan', party: 'Lab', votes: 100 };
const hall = { name: 'Susan Hall', party: 'Con', votes: 90 };
const running = { gap: 10, decided: false, areasDeclared: 3, areasTotal: 14, declaredResult: null };

describe("the mayoral race's story (the webhooks' headline event)", () => {
  test('a new leader is a new story; the same leader further ahead is not', () => {
    const before = raceStory({ ...running, leader: khan });
    expect(before).toEqual({ kind: 'leads', name: 'Sadiq Khan', party: 'Lab' });
    expect(sameRaceStory(before, raceStory({ ...running, leader: khan, gap: 5000, areasDeclared: 4 }))).toBe(true);
    expect(sameRaceStory(before, raceStory({ ...running, leader: hall }))).toBe(false);
  });

  test('the leader becoming uncatchable is a story, said only before the last area', () => {
    expect(raceStory({ ...running, leader: khan, decided: true }).kind).toBe('cannot-be-caught');
    expect(raceStory({ ...running, leader: khan, decided: true, areasDeclared: 14 }).kind).toBe('leads');
  });

  test("the Returning Officer's declaration is the story, whoever led the areas", () => {
    const declaredResult = firstPastThePost([khan, hall]);
    expect(raceStory({ ...running, leader: hall, areasDeclared: 14, declaredResult })).toEqual({
      kind: 'elected',
      name: 'Sadiq Khan',
      party: 'Lab',
    });
  });

  test('nothing declared is waiting; level at the top names nobody', () => {
    expect(raceStory({ ...running, leader: null, gap: 0, areasDeclared: 0 })).toEqual({ kind: 'waiting' });
    expect(raceStory({ ...running, leader: khan, gap: 0 }).kind).toBe('level');
  });
});
