/**
 * One render process and the queue it works through, one image at a time
 * (render-worker.mjs). A process that dies fails its image; the next one
 * starts another.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Element } from './cards.ts';

export interface RenderJob {
  key: string;
  width: number;
  height: number;
  /** Built only when the job runs: a pre-render that a newer one replaced costs nothing. */
  build: () => Element;
}

export interface Waiting extends RenderJob {
  resolve: (png: Buffer) => void;
  reject: (err: Error) => void;
}

export const stopping = () => Object.assign(new Error('share images: the server is stopping'), { name: 'Stopping' });

export class RenderLane {
  readonly queue: Waiting[] = [];
  #child: ChildProcess | null = null;
  #busy: Waiting | null = null;
  #closed = false;

  /** `nice`: the process's CPU priority, 19 the lowest. */
  constructor(
    readonly fontDir: string,
    readonly nice: number,
  ) {}

  push(job: Waiting) {
    this.queue.push(job);
    this.#next();
  }

  #start(): ChildProcess {
    const child = fork(fileURLToPath(new URL('./render-worker.mjs', import.meta.url)), [this.fontDir], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    if (this.nice !== 0) {
      try {
        os.setPriority(child.pid!, this.nice);
      } catch {
        // Not allowed here: it draws at normal priority.
      }
    }
    // The server's exit must not wait for it; it exits when the server's end of the channel closes.
    child.unref();
    child.channel?.unref();
    child.on('message', (message: { png?: Uint8Array; error?: string }) => {
      const job = this.#busy;
      this.#busy = null;
      if (job) {
        if (message.png) job.resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength));
        else job.reject(new Error(`rendering ${job.key}: ${message.error}`));
      }
      this.#next();
    });
    const lost = (why: string) => {
      if (this.#child !== child) return;
      this.#child = null;
      if (!this.#closed) console.error(`share images: the render process ${why}`);
      this.#busy?.reject(new Error(`share images: the render process ${why}`));
      this.#busy = null;
      this.#next();
    };
    child.on('error', (err) => lost(`failed: ${err.message}`));
    child.on('exit', (code, signal) => lost(`exited (${signal ?? code})`));
    return child;
  }

  #next() {
    if (this.#busy || this.#closed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.#busy = job;
    try {
      this.#child ??= this.#start();
      this.#child.send({ tree: job.build(), width: job.width, height: job.height });
    } catch (err) {
      this.#busy = null;
      job.reject(err instanceof Error ? err : new Error(String(err)));
      this.#next();
    }
  }

  close() {
    this.#closed = true;
    for (const job of this.queue.splice(0)) job.reject(stopping());
    this.#busy?.reject(stopping());
    this.#busy = null;
    const child = this.#child;
    this.#child = null;
    child?.kill();
  }
}
