/** The parent's side of bench/viewer-swarm.ts: N viewers spread over several processes. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Swarm {
  /** When every viewer is connected (and, for socket.io, has its snapshot). */
  ready: Promise<{ started: number; finished: number; failed: number }>;
  /** Resolves once every viewer has update `seq`, or after `timeoutMs`. */
  allHave(seq: number, timeoutMs?: number): Promise<boolean>;
  /** Every viewer's arrival time for each seq. */
  times(seqs: number[]): Promise<Map<number, number[]>>;
  close(): Promise<void>;
}

/** A child process's next message of this type (replies are told apart by type, never by order). */
export function replyFrom<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off('message', listener);
      resolve(message as T);
    };
    child.on('message', listener);
  });
}

export function startSwarm(options: {
  mode: 'socketio' | 'ws';
  urls: string[];
  viewers: number;
  processes: number;
  election?: string;
  /** Connections opened at once per process: small to ramp up, large for "everyone at once". */
  concurrency?: number;
}): Swarm {
  const { mode, urls, viewers, processes, election = 'ge2019', concurrency = 50 } = options;
  const children: ChildProcess[] = [];
  const complete = new Map<number, number>();
  const waiters = new Map<number, () => void>();
  for (let i = 0; i < processes; i++) {
    const share = Math.floor(viewers / processes) + (i < viewers % processes ? 1 : 0);
    const url = urls[i % urls.length];
    const child = fork(path.join(import.meta.dirname, 'viewer-swarm.ts'), [mode, url, String(share), election, String(concurrency)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message: { type: string; seq?: number }) => {
      if (message.type !== 'all') return;
      const done = (complete.get(message.seq!) ?? 0) + 1;
      complete.set(message.seq!, done);
      if (done === processes) waiters.get(message.seq!)?.();
    });
    children.push(child);
  }
  const ready = Promise.all(children.map((c) => replyFrom<{ started: number; finished: number; failed: number }>(c, 'ready'))).then(
    (all) => ({
      started: Math.min(...all.map((r) => r.started)),
      finished: Math.max(...all.map((r) => r.finished)),
      failed: all.reduce((sum, r) => sum + r.failed, 0),
    }),
  );

  return {
    ready,
    allHave(seq, timeoutMs = 30_000) {
      if ((complete.get(seq) ?? 0) === processes) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.set(seq, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
    async times(seqs) {
      const reports = await Promise.all(
        children.map((c) => {
          const answer = replyFrom<{ times: Record<string, number[]> }>(c, 'report');
          c.send({ type: 'report', seqs });
          return answer;
        }),
      );
      return new Map(seqs.map((seq) => [seq, reports.flatMap((r) => r.times[seq] ?? [])]));
    },
    async close() {
      await Promise.all(
        children.map((c) => {
          const exited = new Promise((resolve) => c.once('exit', resolve));
          c.send({ type: 'close' });
          return exited;
        }),
      );
    },
  };
}

/** Several swarms read as one: every viewer of each. */
export function joinSwarms(swarms: Swarm[]): Swarm {
  return {
    ready: Promise.all(swarms.map((s) => s.ready)).then((all) => ({
      started: Math.min(...all.map((r) => r.started)),
      finished: Math.max(...all.map((r) => r.finished)),
      failed: all.reduce((sum, r) => sum + r.failed, 0),
    })),
    async allHave(seq, timeoutMs) {
      return (await Promise.all(swarms.map((s) => s.allHave(seq, timeoutMs)))).every(Boolean);
    },
    async times(seqs) {
      const each = await Promise.all(swarms.map((s) => s.times(seqs)));
      return new Map(seqs.map((seq) => [seq, each.flatMap((m) => m.get(seq) ?? [])]));
    },
    async close() {
      await Promise.all(swarms.map((s) => s.close()));
    },
  };
}
