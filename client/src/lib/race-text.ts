/** The race's gap in words, for the screens and the race embed alike (ADR 0021: "cannot now be caught" only on a bound). */
import { surname, type MayoralRace } from '../../../shared/domain/mayoral-race.ts';
import { formatNumber } from './format.ts';

export function gapText(
  race: Pick<MayoralRace, 'leader' | 'runnerUp' | 'gap' | 'decided' | 'stillToCome'>,
): { lead: string; closing: string } | null {
  if (!race.leader || !race.runnerUp) return null;
  const lead = `${surname(race.leader.name)} leads ${surname(race.runnerUp.name)} by ${formatNumber(race.gap)}.`;
  const toCome = formatNumber(race.stillToCome ?? 0);
  const closing =
    race.decided === true
      ? `At most ${toCome} votes are still to come: the gap cannot now be closed.`
      : race.decided === false
        ? `Up to ${toCome} votes still to come: the gap can still be closed.`
        : "Not every undeclared area's electorate is known, so whether the gap can be closed cannot be told yet.";
  return { lead, closing };
}
