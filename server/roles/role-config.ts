/**
 * The settings of a fan-out process, parsed once with zod like
 * config/env.ts (which holds the writer's): REDIS_URL and the writer's
 * address (--writer or WRITER_URL).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

const RedisUrl = z.string().regex(/^rediss?:\/\//, 'must be a redis:// address such as redis://127.0.0.1:6379');

const FanoutSettings = z.object({
  REDIS_URL: RedisUrl,
  WRITER_URL: z.url('must be the writer\'s http:// address such as http://127.0.0.1:3000'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  HOST: z.string().default('0.0.0.0'),
  ELECTION_VIEWER_BACKLOG_BYTES: z.coerce.number().int().min(16 * 1024, 'must be at least 16384 bytes').default(1024 * 1024),
});
export type FanoutConfig = z.infer<typeof FanoutSettings>;

function fail(issues: z.core.$ZodIssue[]): never {
  throw new Error(`Bad settings:\n${issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
}

/** `--writer URL --port N` win over WRITER_URL and PORT. */
export function readFanoutConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): FanoutConfig {
  const { values } = parseArgs({ args: argv, options: { writer: { type: 'string' }, port: { type: 'string' } } });
  const parsed = FanoutSettings.safeParse({ ...env, WRITER_URL: values.writer ?? env.WRITER_URL, PORT: values.port ?? env.PORT });
  if (!parsed.success) fail(parsed.error.issues);
  return parsed.data;
}
