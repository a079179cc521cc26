/** The big screen's stage: when the rotation started, and a gain holding the stage until a time. */
import type { ElectionUpdate } from '../../../../shared/protocol/schemas.ts';

class Stage {
  startedAt = $state(Date.now());
  spotlight = $state.raw<{ update: ElectionUpdate; until: number } | null>(null);

  /** New settings start the rotation again from its first panel. */
  restart(at = Date.now()): void {
    this.startedAt = at;
  }

  spot(update: ElectionUpdate, seconds: number, at = Date.now()): void {
    if (seconds <= 0) return;
    this.spotlight = { update, until: at + seconds * 1000 };
  }
}

export const stage = new Stage();
