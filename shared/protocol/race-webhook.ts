/**
 * The webhooks' headline event for a mayoral count (ADR 0025): sent when the
 * race's story changes (shared/domain/race-story.ts), in place of the House's
 * headline, which means nothing for a count of areas.
 */
import { mayoralRace, type MayoralRace } from '../domain/mayoral-race.ts';
import { raceStory, sameRaceStory } from '../domain/race-story.ts';
import type { Election, PartyContinuity, SeatState } from './schemas.ts';
import { headlineBase } from './webhook-payloads.ts';
import type { RaceHeadlinePayload, WebhookImages } from './webhooks.ts';

const lineOf = (election: Election, race: MayoralRace) => `${election.name}: ${race.line}.`;

/** The payload when the story changed between the seat states before and after a change; null when it did not. */
export function raceHeadlinePayload({
  election,
  seq,
  at,
  before,
  after,
  continuity,
  images,
}: {
  election: Election;
  seq: number;
  at: string;
  before: readonly SeatState[];
  after: readonly SeatState[];
  continuity: PartyContinuity;
  images: WebhookImages | null;
}): RaceHeadlinePayload | null {
  const count = election.count;
  if (!count) return null;
  const was = mayoralRace({ count, seatStates: before, continuity });
  const now = mayoralRace({ count, seatStates: after, continuity });
  const [storyWas, storyNow] = [raceStory(was), raceStory(now)];
  if (sameRaceStory(storyWas, storyNow)) return null;
  const named = (story: typeof storyNow) => (story.kind === 'waiting' ? null : story.name);
  return {
    ...headlineBase(election, seq, at, lineOf(election, now), images),
    race: {
      state: storyNow.kind,
      candidate: named(storyNow),
      party: storyNow.kind === 'waiting' ? null : storyNow.party,
      gap: now.gap,
      areasDeclared: now.areasDeclared,
      areasTotal: now.areasTotal,
      result: now.label?.text ?? null,
    },
    previous: storyWas.kind === 'waiting' ? null : { state: storyWas.kind, candidate: named(storyWas), line: lineOf(election, was) },
  };
}
