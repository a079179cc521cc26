import { describe, expect, test } from 'vitest';
import type { Seat, SeatState } from '../protocol/schemas.ts';
import { NO_CONTINUITY } from './party.ts';
import { seatState } from './seat-state.ts';
import { targetList, targetParties, targetProgress } from './targets.ts';

const seat = (code: string, name: string, party: string, votes: Record<string, number>): Seat => ({
  code,
  name,
  baseline: { party, votes: Object.entries(votes).map(([p, v]) => ({ party: p, votes: v })) },
  notes: [],
  source: 'test',
});
// Con seats Lab wants, from the easiest: Close needs 1 point, Middling 5, Far 20; Lab already holds Home.
const close = seat('E14000001', 'Close', 'Con', { Con: 4_100, Lab: 3_900, LD: 2_000 });
const middling = seat('E14000002', 'Middling', 'Con', { Con: 5_000, Lab: 4_000, LD: 1_000 });
const far = seat('E14000003', 'Far', 'Con', { Con: 6_000, Lab: 2_000, LD: 2_000 });
const home = seat('E14000004', 'Home', 'Lab', { Lab: 6_000, Con: 4_000 });
const seats = [far, home, middling, close];

const declared = (s: Seat, winner: string): SeatState =>
  seatState({
    seat: s,
    latest: {
      version: 1,
      kind: 'declared',
      reason: null,
      enteredAt: '',
      declaration: {
        candidates: [
          { name: 'W', party: winner, votes: 2 },
          { name: 'L', party: winner === 'Con' ? 'Lab' : 'Con', votes: 1 },
        ],
        enteredAt: '',
      },
    },
    continuity: NO_CONTINUITY,
  });
const undeclared = (s: Seat) => seatState({ seat: s, latest: null, continuity: NO_CONTINUITY });

describe('targetList', () => {
  test("ranks the seats a party did not hold by the swing it needs: half the gap between the holder's share and its own", () => {
    const list = targetList('Lab', seats, NO_CONTINUITY);
    expect(list.map((t) => t.seat.name)).toEqual(['Close', 'Middling', 'Far']);
    expect(list.map((t) => Math.round(t.swingNeeded * 10) / 10)).toEqual([1, 5, 20]);
  });

  test('leaves out seats whose baseline has no votes (a winners-only baseline cannot rank targets)', () => {
    expect(targetList('Lab', [{ ...close, baseline: { party: 'Con' } }], NO_CONTINUITY)).toEqual([]);
  });
});

describe('targetProgress', () => {
  test('counts the top targets taken, and names the next still to declare', () => {
    const progress = targetProgress({
      party: 'Lab',
      targets: targetList('Lab', seats, NO_CONTINUITY),
      seatStates: [declared(close, 'Lab'), declared(middling, 'Con'), undeclared(far), undeclared(home)],
      continuity: NO_CONTINUITY,
      top: 50,
    });
    expect(progress).toMatchObject({ taken: 1, of: 3, declared: 2 });
    expect(progress.line).toBe('Lab have taken 1 of their top 3 targets (2 declared); next: Far (20.0%)');
  });

  test('says so plainly once every top target is in', () => {
    const progress = targetProgress({
      party: 'Lab',
      targets: targetList('Lab', seats, NO_CONTINUITY),
      seatStates: [close, middling, far].map((s) => declared(s, 'Lab')),
      continuity: NO_CONTINUITY,
      top: 2,
    });
    expect(progress.line).toBe('Lab have taken 2 of their top 2 targets');
  });
});

describe('targetParties', () => {
  test('follows the parties holding most seats at the baseline, never the Speaker', () => {
    const speaker = seat('E14000005', 'Chair', 'Spk', { Spk: 30_000, Lab: 1_000 });
    expect(targetParties([...seats, speaker, { ...speaker, code: 'E14000006' }], NO_CONTINUITY)).toEqual(['Con', 'Lab']);
  });
});
