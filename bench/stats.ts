/** Percentiles and the figures printed by the benches. */
import fs from 'node:fs';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Spread {
  p50: number;
  p95: number;
  p99: number;
  last: number;
  n: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    last: sorted.at(-1) ?? NaN,
    n: sorted.length,
  };
}

/** The median of each figure over several runs (one declaration each). */
export function medianSpread(runs: Spread[]): Spread {
  const med = (pick: (s: Spread) => number) =>
    percentile(
      runs.map(pick).sort((a, b) => a - b),
      50,
    );
  return { p50: med((s) => s.p50), p95: med((s) => s.p95), p99: med((s) => s.p99), last: med((s) => s.last), n: runs.length };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function residentBytes(pid: number): number {
  // Linux only, like the rest of the bench (/proc).
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/**
 * The lowest of several readings over a couple of seconds: one reading can
 * catch the heap just before a collection and count its garbage as memory.
 */
export async function settledResidentBytes(pid: number, readings = 6, everyMs = 500): Promise<number> {
  let lowest = Infinity;
  for (let i = 0; i < readings; i++) {
    lowest = Math.min(lowest, residentBytes(pid));
    if (i < readings - 1) await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return lowest;
}

/**
 * Resident memory once a full collection has run (the process runs with
 * --expose-gc and collects on `collect`). A signal gives no answer, so a
 * second is allowed for it; then the settled reading.
 */
export async function collectedResidentBytes(collect: () => void | Promise<void>, pid: number): Promise<number> {
  await collect();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return settledResidentBytes(pid, 2);
}
