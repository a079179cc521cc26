/**
 * The mayoral race as its light embed fetches it (ADR 0025): the line, the
 * running totals, the areas declared, the gap and whether it can be closed,
 * and the result once declared. Shaped once per change from the race the
 * screens compute (shared/domain/mayoral-race.ts); a few hundred bytes.
 */
import { z } from 'zod';
import { mayoralRace } from '../domain/mayoral-race.ts';
import { EmbedHead, head } from './embed-replies.ts';
import { MayoralCount, PartyCode, SeatCode, SeatStatus, type ElectionState, type PartyContinuity } from './schemas.ts';

const Tally = z.object({ name: z.string(), party: PartyCode, votes: z.number().int() });
const Shared = Tally.extend({ share: z.number() });

/** How many candidates the embed lists (the rest are few votes each in London). */
export const RACE_EMBED_CANDIDATES = 4;

export const RaceEmbedReply = EmbedHead.extend({
  kind: z.literal('race'),
  race: z.object({
    votingSystem: MayoralCount.shape.votingSystem,
    mayor: MayoralCount.shape.mayor,
    /** The copy-ready line ("Khan leads by 275,828 with all 14 areas declared"). */
    line: z.string(),
    areasDeclared: z.number().int(),
    areasTotal: z.number().int(),
    totals: z.array(Shared),
    leader: Tally.nullable(),
    runnerUp: Tally.nullable(),
    gap: z.number().int(),
    stillToCome: z.number().int().nullable(),
    decided: z.boolean().nullable(),
    /** Each area: who leads it once declared (its party), for the row of areas. */
    areas: z.array(z.object({ code: SeatCode, name: z.string(), status: SeatStatus, party: PartyCode.nullable() })),
    /** The Returning Officer's declaration (or every area counted): first round, and under SV the second. */
    result: z
      .object({
        declared: z.boolean(),
        firstRound: z.array(Shared),
        secondRound: z.array(Tally.extend({ firstChoices: z.number().int(), secondChoices: z.number().int() })).nullable(),
      })
      .nullable(),
  }),
});
export type RaceEmbedReply = z.infer<typeof RaceEmbedReply>;

/** The race of a mayoral election; null for an election with no count. */
export function raceEmbed(state: ElectionState, continuity: PartyContinuity): RaceEmbedReply | null {
  const count = state.election.count;
  if (!count) return null;
  const race = mayoralRace({ count, seatStates: state.seatStates, continuity });
  const counted = race.declaredResult ?? race.areasResult;
  const areas = state.seatStates
    .filter((s) => s.code !== count.wholeArea)
    .map((s) => ({
      code: s.code,
      name: s.name,
      status: s.status,
      party: s.status === 'declared' ? (s.outcome?.winner.party ?? null) : null,
    }));
  const totals = race.totals.slice(0, RACE_EMBED_CANDIDATES);
  const result = counted && {
    declared: race.declaredResult !== null,
    firstRound: counted.firstRound.slice(0, RACE_EMBED_CANDIDATES),
    secondRound: counted.secondRound,
  };
  const codes = [
    count.mayor.party,
    ...totals.map((t) => t.party),
    ...areas.flatMap((a) => (a.party ? [a.party] : [])),
    ...(result?.firstRound ?? []).map((c) => c.party),
  ];
  const { leader, runnerUp, gap, stillToCome, decided, line, areasDeclared, areasTotal } = race;
  return {
    kind: 'race',
    ...head(state, continuity, codes),
    declared: areasDeclared,
    totalSeats: areasTotal,
    race: {
      votingSystem: count.votingSystem,
      mayor: count.mayor,
      line,
      areasDeclared,
      areasTotal,
      totals,
      leader,
      runnerUp,
      gap,
      stillToCome,
      decided,
      areas,
      result,
    },
  };
}
