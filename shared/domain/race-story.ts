/**
 * The mayoral race's story, for the webhooks' headline event (ADR 0025): who
 * leads, whether they can still be caught, and who is elected. A change of
 * story (a new leader, the leader now safe, the Returning Officer's
 * declaration) is news; another area adding to the same lead is not.
 */
import type { MayoralRace } from './mayoral-race.ts';

export type RaceStory =
  | { kind: 'waiting' }
  | { kind: 'level'; name: null; party: null }
  | { kind: 'leads' | 'cannot-be-caught' | 'elected'; name: string; party: string };

export function raceStory(
  race: Pick<MayoralRace, 'leader' | 'gap' | 'decided' | 'areasDeclared' | 'areasTotal' | 'declaredResult'>,
): RaceStory {
  const decision = race.declaredResult?.decision;
  if (decision?.kind === 'elected') return { kind: 'elected', name: decision.winner.name, party: decision.winner.party };
  if (!race.leader) return { kind: 'waiting' };
  if (race.gap === 0) return { kind: 'level', name: null, party: null };
  const safe = race.decided === true && race.areasDeclared < race.areasTotal;
  return { kind: safe ? 'cannot-be-caught' : 'leads', name: race.leader.name, party: race.leader.party };
}

export function sameRaceStory(a: RaceStory, b: RaceStory): boolean {
  return a.kind === b.kind && (a.kind === 'waiting' || b.kind === 'waiting' || a.name === b.name);
}
