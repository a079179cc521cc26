import { describe, expect, test } from 'vitest';
import { createSourceWatch } from './source-watch.ts';

describe('a fan-out process watching its source', () => {
  test('is live while heartbeats come, down once they stop for longer than the limit, back with the next one', () => {
    let t = 0;
    const watch = createSourceWatch({ staleAfterMs: 3500, now: () => t });
    t = 1000;
    expect(watch.beat()).toBeNull();
    t = 4500;
    expect(watch.check()).toBeNull();
    t = 4501;
    expect(watch.check()).toBe('down');
    expect(watch.live).toBe(false);
    expect(watch.since).toBe(new Date(1000).toISOString());
    t = 6000;
    expect(watch.check()).toBeNull();
    expect(watch.beat()).toBe('back');
    expect(watch.live).toBe(true);
  });

  test('a process that never hears a heartbeat goes down after the same grace', () => {
    let t = 0;
    const watch = createSourceWatch({ staleAfterMs: 3500, now: () => t });
    t = 3600;
    expect(watch.check()).toBe('down');
  });
});
