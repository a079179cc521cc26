/**
 * The server as a real child process (`node --import tsx server/main.ts`, or
 * another entry point), so a test can SIGKILL it mid-write and start it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../server/config/project-root.ts';

export interface ChildServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it printed, for a failing test's message. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A loopback port nobody is listening on now (kept across restarts so clients can reconnect). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startChild(options: {
  port: number;
  env: Record<string, string>;
  entry?: string;
  args?: string[];
  /** Node's own flags, before the entry (e.g. --expose-gc). */
  nodeArgs?: string[];
  /** Printed once the process listens. */
  ready?: RegExp;
  timeoutMs?: number;
}): Promise<ChildServer> {
  const { port, entry = 'server/main.ts', args = [], nodeArgs = [], ready = /listening|http:\/\/localhost/i, timeoutMs = 20_000 } = options;
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(projectRoot, entry), ...args], {
    cwd: projectRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), CLIENT_DIST: '/nonexistent', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    // A child that has not started in time is stopped: left running, it would outlive the test or bench that gave up on it.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
