/**
 * The seats changed most recently, newest first, without sorting all 650 on
 * every update: one pass keeps the top few. Times are the server's ISO
 * strings (all UTC, same format), so they compare as text.
 */
import type { SeatState } from '../protocol/schemas.ts';

export function latestChanged(seatStates: readonly SeatState[], limit: number): SeatState[] {
  const top: SeatState[] = [];
  for (const seat of seatStates) {
    if (seat.updatedAt === null) continue;
    if (top.length === limit && seat.updatedAt <= top[top.length - 1].updatedAt!) continue;
    let at = top.length;
    while (at > 0 && top[at - 1].updatedAt! < seat.updatedAt) at--;
    top.splice(at, 0, seat);
    if (top.length > limit) top.pop();
  }
  return top;
}
