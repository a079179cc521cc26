import { describe, expect, test } from 'vitest';
import { createHashGate } from './hash-gate.ts';

const later = () => {
  let done!: () => void;
  const promise = new Promise<void>((resolve) => (done = resolve));
  return { promise, done };
};

describe('the hash gate', () => {
  test('runs at most `concurrent` at once and the rest in turn', async () => {
    const gate = createHashGate({ concurrent: 2, queued: 10 });
    const jobs = Array.from({ length: 5 }, later);
    const runs = jobs.map((job) => gate.run(() => job.promise));
    expect(gate.load()).toEqual({ running: 2, waiting: 3 });
    jobs[0].done();
    await runs[0];
    expect(gate.load()).toEqual({ running: 2, waiting: 2 });
    jobs.forEach((job) => job.done());
    await Promise.all(runs);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  test('refuses with 503 once the queue is full, and a failing hash frees its place', async () => {
    const gate = createHashGate({ concurrent: 1, queued: 1 });
    const first = later();
    const running = gate.run(() => first.promise);
    const waiting = gate.run(() => Promise.reject(new Error('broken')));
    await expect(gate.run(async () => 1)).rejects.toMatchObject({ status: 503 });
    first.done();
    await running;
    await expect(waiting).rejects.toThrow('broken');
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  test('one address holds at most its share of places; another address still gets one', async () => {
    const gate = createHashGate({ concurrent: 1, queued: 10, perKey: 2 });
    const jobs = Array.from({ length: 3 }, later);
    const first = gate.run(() => jobs[0].promise, '198.51.100.1');
    const second = gate.run(() => jobs[1].promise, '198.51.100.1');
    await expect(gate.run(async () => 1, '198.51.100.1')).rejects.toMatchObject({ status: 503 });
    const elsewhere = gate.run(() => jobs[2].promise, '203.0.113.9');
    expect(gate.load()).toEqual({ running: 1, waiting: 2 });
    jobs.forEach((job) => job.done());
    await Promise.all([first, second, elsewhere]);
    await expect(gate.run(async () => 'again', '198.51.100.1')).resolves.toBe('again');
  });
});
