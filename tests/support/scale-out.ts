/** The multi-process layout for tests: redis-server, a writer and its fan-out processes, each a real process on loopback. */
import path from 'node:path';
import { freePort, startChild, type ChildServer } from './child-server.ts';
import { startRedis, type RedisProcess } from './redis-server.ts';
import { tempDir, TEST_TOKEN } from './server.ts';

export interface ScaleOut {
  redis: RedisProcess;
  writer: ChildServer;
  fanouts: ChildServer[];
}

export async function startScaleOut({
  fanouts = 1,
  writerEnv = {},
}: { fanouts?: number; writerEnv?: Record<string, string> } = {}): Promise<ScaleOut> {
  const redis = await startRedis(await freePort());
  const env = { REDIS_URL: redis.url, ELECTION_API_TOKEN: TEST_TOKEN };
  const dbPath = path.join(tempDir('election-scale-out-'), 'writer.sqlite');
  return { redis, ...(await startWriterAndFanouts({ env, dbPath, fanouts, writerEnv })) };
}

/** A writer on `dbPath` and `fanouts` fan-out processes reading from it, all with `env` (REDIS_URL among it). */
export async function startWriterAndFanouts({
  env,
  dbPath,
  fanouts,
  writerEnv = {},
}: {
  env: Record<string, string>;
  dbPath: string;
  fanouts: number;
  writerEnv?: Record<string, string>;
}): Promise<Omit<ScaleOut, 'redis'>> {
  const writer = await startChild({
    port: await freePort(),
    entry: 'server/writer-main.ts',
    env: { ...env, DATABASE_PATH: dbPath, ...writerEnv },
    ready: /Writer for fan-out/,
  });
  const started: ChildServer[] = [];
  for (let i = 0; i < fanouts; i++) {
    started.push(
      await startChild({
        port: await freePort(),
        entry: 'server/fanout-main.ts',
        args: ['--writer', writer.url],
        env,
        ready: /fan-out: listening/,
      }),
    );
  }
  return { writer, fanouts: started };
}
