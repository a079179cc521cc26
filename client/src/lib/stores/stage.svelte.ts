/** The big screen's stage: when the rotation started, and the gains that hold the stage or wait for it (spotlight-queue.ts). */
import type { ElectionUpdate } from '../../../../shared/protocol/schemas.ts';
import { IDLE, queueGains, spotlightAt, type Spotlight } from '../spotlight-queue.ts';

class Stage {
  startedAt = $state(Date.now());
  spotlight = $state.raw<Spotlight>(IDLE);

  /** New settings start the rotation again from its first panel. */
  restart(at = Date.now()): void {
    this.startedAt = at;
  }

  /** New gains queue for the stage; with the spotlight off (0 seconds) they are not kept. */
  queue(gains: readonly ElectionUpdate[], seconds: number, at = Date.now()): void {
    if (seconds <= 0 || gains.length === 0) return;
    this.spotlight = spotlightAt(queueGains(this.spotlight, gains), at, seconds);
  }

  /** Each second: the spotlight showing ends on time, and what waits goes up when its turn comes. */
  tick(at: number, seconds: number): void {
    const next = spotlightAt(this.spotlight, at, seconds);
    if (next !== this.spotlight) this.spotlight = next;
  }
}

export const stage = new Stage();
