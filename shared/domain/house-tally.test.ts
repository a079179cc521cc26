import { describe, expect, test } from 'vitest';
import type { Candidate, PartyContinuity, RushInput, SeatBaseline } from '../protocol/schemas.ts';
import { createHouseTally } from './house-tally.ts';
import { seatOutcome } from './outcome.ts';
import { type DeclaredSeat, houseSummary } from './party-table.ts';
import { seatRush } from './rush.ts';

const continuity: PartyContinuity = { aliases: { 'Labour and Co-operative': 'Lab' }, successors: { Brexit: 'RUK' } };
const PARTIES = ['Con', 'Lab', 'LD', 'Green', 'Brexit', 'Labour and Co-operative', 'Spk', 'Ind'];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('the House tally, kept seat by seat', () => {
  test('agrees exactly with houseSummary added up afresh after every change of a random night (results, rushes, recounts, corrections; zero votes; seats without baseline votes)', () => {
    const next = random(2024);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const baselines: SeatBaseline[] = Array.from({ length: 40 }, (_, i) => ({
      party: pick(PARTIES.slice(0, 4)),
      electorate: i % 5 === 0 ? undefined : 60_000 + i,
      // Every seventh seat has no baseline votes: then no change in share and no national swing.
      votes: i % 7 === 0 ? undefined : PARTIES.slice(0, 3).map((party) => ({ party, votes: Math.floor(next() * 20_000) })),
    }));
    const held: DeclaredSeat[] = baselines.map((baseline) => ({ baseline, outcome: null }));
    const tally = createHouseTally(
      held.map((s, i) => [String(i), s]),
      650,
      continuity,
    );
    for (let step = 0; step < 400; step++) {
      const i = Math.floor(next() * held.length);
      const { baseline } = held[i];
      const kind = next();
      let seat: DeclaredSeat;
      if (kind < 0.5) {
        const candidates: Candidate[] = PARTIES.filter(() => next() < 0.6).map((party, c) => ({
          name: `${party} ${c}`,
          party,
          votes: next() < 0.1 ? 0 : Math.floor(next() * 30_000),
        }));
        if (candidates.length === 0) candidates.push({ name: 'Only one', party: 'Lab', votes: 100 });
        const outcome = seatOutcome({ declaration: { candidates, winnerByLot: candidates[0].name }, baseline, continuity });
        seat = { baseline, outcome, ...(next() < 0.8 && { electorate: 70_000 }) };
      } else if (kind < 0.75) {
        const rush: RushInput = { party: pick(PARTIES), sitting: null, gainOrHold: 'gain', source: 'wire' };
        seat = { baseline, outcome: null, rush: seatRush(rush, baseline, continuity, '2019-12-13T01:00:00Z') };
      } else seat = { baseline, outcome: null };
      held[i] = seat;
      tally.replace(String(i), seat);
      expect(tally.summary()).toEqual(houseSummary(held, 650, continuity));
    }
  });

  test("an undo puts the seat's old part back, as for a change whose transaction failed", () => {
    const baseline: SeatBaseline = { party: 'Con', votes: [{ party: 'Con', votes: 10 }] };
    const before: DeclaredSeat = {
      baseline,
      outcome: seatOutcome({ declaration: { candidates: [{ name: 'A', party: 'Con', votes: 5 }] }, baseline, continuity }),
    };
    const tally = createHouseTally([['a', before]], 650, continuity);
    const summary = tally.summary();
    const undo = tally.replace('a', {
      baseline,
      outcome: seatOutcome({ declaration: { candidates: [{ name: 'B', party: 'Lab', votes: 9 }] }, baseline, continuity }),
    });
    expect(tally.summary().partyTable[0].party).toBe('Lab');
    undo();
    expect(tally.summary()).toEqual(summary);
  });
});
