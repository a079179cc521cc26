/** Environment variables, parsed once with zod: a bad value stops the server naming the variable. */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from '../http/connection-bounds.ts';
import { LOG_LEVELS, type LogLevel } from '../http/logging.ts';
import { projectRoot } from './project-root.ts';
import { ListenHost, listenPort, parseSettings, RedisUrl, ViewerBacklogBytes } from './setting-types.ts';

/** A whole number of milliseconds or a count, >= min, with its default. */
const whole = (fallback: number, min = 0) =>
  z.coerce.number().int('must be a whole number').min(min, `must be at least ${min}`).default(fallback);

const Env = z.object({
  PORT: listenPort(3000),
  HOST: ListenHost,
  DATABASE_PATH: z
    .string()
    .min(1)
    .default(path.join(projectRoot, 'var', 'election.sqlite')),
  BASELINE_PATH: z
    .string()
    .min(1)
    .default(path.join(projectRoot, 'data', 'article-baseline.json')),
  ELECTION_API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  CLIENT_DIST: z.string().default(path.join(projectRoot, 'dist', 'client')),
  /** Set: this process is the writer of a scale-out layout, relaying updates to fan-out processes through Redis. */
  REDIS_URL: RedisUrl.optional(),
  /** off: no share images (and none linked from webhooks); on needs Debian's fonts-dejavu-core. */
  ELECTION_SHARE_IMAGES: z.enum(['on', 'off']).default('on'),
  /** First start only: the admin account's name and password; without a password one is printed once. */
  ELECTION_ADMIN_USER: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, 'must be 2-40 letters, digits, dots, dashes or underscores')
    .default('admin'),
  ELECTION_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Comma-separated origins besides the server's own that may sign in and write, e.g. https://results.example.com */
  ELECTION_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /**
   * Comma-separated addresses or CIDR ranges of the reverse proxies in front (e.g. 127.0.0.1):
   * requests from them are counted by the client address in X-Forwarded-For (the login limit).
   */
  ELECTION_TRUST_PROXY: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((a) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a)),
      'must be IP addresses or CIDR ranges, comma-separated, e.g. 127.0.0.1,10.0.0.0/8',
    ),
  ELECTION_VIEWER_BACKLOG_BYTES: ViewerBacklogBytes,
  /** The site's public address, e.g. https://results.example.com: the Atom feed's self link. Without it, a path. */
  ELECTION_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address such as https://results.example.com' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /**
   * The wire role: PA's drop to poll (ftp://host[:port][/folder] or a folder) into WIRE_ELECTION;
   * credentials in PA_FTP_USER and PA_FTP_PASSWORD.
   */
  WIRE_SOURCE: z.string().min(1).optional(),
  WIRE_ELECTION: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be an election id such as ge2019')
    .optional(),
  /** Fastify's logger (pino), JSON lines on stdout. */
  LOG_LEVEL: z.enum(LOG_LEVELS as [LogLevel, ...LogLevel[]]).default('info'),
  // The HTTP server's bounds (server/http/connection-bounds.ts; the README's limits table).
  HTTP_HEADERS_TIMEOUT_MS: whole(DEFAULT_HTTP_LIMITS.headersTimeoutMs, 1000),
  HTTP_REQUEST_TIMEOUT_MS: whole(DEFAULT_HTTP_LIMITS.requestTimeoutMs, 1000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: whole(DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs, 1000),
  /** Must stay above socket.io's long-poll hold (25 s). */
  HTTP_IDLE_TIMEOUT_MS: whole(DEFAULT_HTTP_LIMITS.idleTimeoutMs, 30_000),
  HTTP_MAX_PIPELINED: whole(DEFAULT_HTTP_LIMITS.maxPipelined, 1),
  /** 0: no limit. */
  HTTP_MAX_CONNECTIONS_PER_ADDRESS: whole(DEFAULT_HTTP_LIMITS.maxConnectionsPerAddress),
});
export type Config = z.infer<typeof Env>;

/** What createApp takes from the environment for the HTTP server: its bounds, the log level and the public address. */
export function httpOptions(config: Config): { httpLimits: HttpLimits; logLevel: LogLevel; publicUrl?: string } {
  return {
    httpLimits: {
      headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      idleTimeoutMs: config.HTTP_IDLE_TIMEOUT_MS,
      maxPipelined: config.HTTP_MAX_PIPELINED,
      maxConnectionsPerAddress: config.HTTP_MAX_CONNECTIONS_PER_ADDRESS,
    },
    logLevel: config.LOG_LEVEL,
    publicUrl: config.ELECTION_PUBLIC_URL,
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseSettings(Env, env, 'Bad environment');
}
