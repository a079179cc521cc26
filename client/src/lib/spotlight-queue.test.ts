import { describe, expect, test } from 'vitest';
import type { ElectionUpdate } from '../../../shared/protocol/schemas.ts';
import { IDLE, queueGains, REST_SECONDS, ROUNDUP_MOST, spotlightAt, type Spotlight } from './spotlight-queue.ts';

const gain = (code: string) => ({ seat: { code } }) as ElectionUpdate;
const shown = (s: Spotlight) =>
  s.showing === null ? null : s.showing.spot.kind === 'one' ? s.showing.spot.gain.seat.code : s.showing.spot.gains.map((g) => g.seat.code);

describe('the gain spotlight queue', () => {
  test('a gain on an idle screen takes the stage at once, for its seconds', () => {
    const s = spotlightAt(queueGains(IDLE, [gain('A')]), 0, 8);
    expect(shown(s)).toBe('A');
    expect(shown(spotlightAt(s, 7_999, 8))).toBe('A');
    expect(shown(spotlightAt(s, 8_000, 8))).toBeNull();
  });

  test('a burst of gains is never skipped: those that arrive during a spotlight go up together, after the panels have had their turn', () => {
    let s = spotlightAt(queueGains(IDLE, [gain('A')]), 0, 8);
    s = queueGains(s, [gain('B'), gain('C')]);
    s = spotlightAt(s, 1_000, 8);
    expect(shown(s)).toBe('A');
    s = queueGains(s, [gain('D')]);
    s = spotlightAt(s, 8_000, 8);
    // The rotation's turn: nothing on stage for REST_SECONDS, however many gains wait.
    expect(shown(s)).toBeNull();
    expect(shown(spotlightAt(s, 8_000 + REST_SECONDS * 1000 - 1, 8))).toBeNull();
    s = spotlightAt(s, 8_000 + REST_SECONDS * 1000, 8);
    expect(shown(s)).toEqual(['B', 'C', 'D']);
    expect(s.waiting).toEqual([]);
  });

  test('a seat waiting twice goes up once, with its newer result', () => {
    const newer = { ...gain('B'), seq: 9 } as ElectionUpdate;
    const s = queueGains(queueGains({ ...IDLE, restUntil: 5_000 }, [gain('B'), gain('C')]), [newer]);
    expect(s.waiting.map((g) => g.seat.code)).toEqual(['C', 'B']);
    expect(s.waiting[1]).toBe(newer);
  });

  test('a round-up shows no more than fit the screen; the rest go up in the next one', () => {
    const many = Array.from({ length: ROUNDUP_MOST + 2 }, (_, i) => gain(`S${i}`));
    let s = spotlightAt(queueGains(IDLE, many), 0, 8);
    expect(shown(s)).toHaveLength(ROUNDUP_MOST);
    s = spotlightAt(spotlightAt(s, 8_000, 8), 8_000 + REST_SECONDS * 1000, 8);
    expect(shown(s)).toEqual([`S${ROUNDUP_MOST}`, `S${ROUNDUP_MOST + 1}`]);
  });

  test('with the spotlight off (0 seconds) nothing goes up', () => {
    expect(shown(spotlightAt(queueGains(IDLE, [gain('A')]), 0, 0))).toBeNull();
  });
});
