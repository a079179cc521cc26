/** Debian's redis-server on a loopback port, started (and restarted) by the test itself; nothing saved to disk. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RedisProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Kill it outright and start a fresh one on the same port (everything in it is lost). */
  restart(downMs?: number): Promise<void>;
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not be run (apt-get install redis-server): ${error.message}`));
    });
  });
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

export async function startRedis(port: number): Promise<RedisProcess> {
  let child = await launch(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => kill(child, 'SIGTERM'),
    async restart(downMs = 300) {
      await kill(child, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      child = await launch(port);
    },
  };
}
