/** Each followed party's target list: it depends on the baseline alone, so it is worked out once per seat list. */
import { targetList, targetParties, type Target } from '../../../shared/domain/targets.ts';
import type { PartyContinuity, Seat } from '../../../shared/protocol/schemas.ts';

const listsBySeats = new WeakMap<readonly Seat[], Map<string, Target[]>>();

export function targetLists(seats: readonly Seat[], continuity: PartyContinuity): Map<string, Target[]> {
  let lists = listsBySeats.get(seats);
  if (!lists) {
    lists = new Map(targetParties(seats, continuity).map((party) => [party, targetList(party, seats, continuity)]));
    listsBySeats.set(seats, lists);
  }
  return lists;
}
