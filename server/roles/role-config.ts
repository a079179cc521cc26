/**
 * The settings of a fan-out process, parsed once with zod like
 * config/env.ts (which holds the writer's): REDIS_URL and the writer's
 * address (--writer or WRITER_URL).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ListenHost, listenPort, parseSettings, RedisUrl, ViewerBacklogBytes } from '../config/setting-types.ts';

const FanoutSettings = z.object({
  REDIS_URL: RedisUrl,
  WRITER_URL: z.url("must be the writer's http:// address such as http://127.0.0.1:3000"),
  PORT: listenPort(3001),
  HOST: ListenHost,
  ELECTION_VIEWER_BACKLOG_BYTES: ViewerBacklogBytes,
});
export type FanoutConfig = z.infer<typeof FanoutSettings>;

/** `--writer URL --port N` win over WRITER_URL and PORT. */
export function readFanoutConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): FanoutConfig {
  const { values } = parseArgs({ args: argv, options: { writer: { type: 'string' }, port: { type: 'string' } } });
  return parseSettings(
    FanoutSettings,
    { ...env, WRITER_URL: values.writer ?? env.WRITER_URL, PORT: values.port ?? env.PORT },
    'Bad settings',
  );
}
