/** Environment variables, parsed once with zod: a bad value stops the server naming the variable. */
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './project-root.ts';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default(path.join(projectRoot, 'var', 'election.sqlite')),
  BASELINE_PATH: z.string().min(1).default(path.join(projectRoot, 'data', 'article-baseline.json')),
  ELECTION_API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  CLIENT_DIST: z.string().default(path.join(projectRoot, 'dist', 'client')),
  /** Set: this process is the writer of a scale-out layout, relaying updates to fan-out processes through Redis. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// address such as redis://127.0.0.1:6379').optional(),
  /** The address readers reach this server at, for the share-image links in webhooks (e.g. https://results.example.com). */
  ELECTION_PUBLIC_URL: z
    .string()
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an http:// or https:// address, e.g. https://results.example.com')
    .optional(),
  /** off: no share images (and none linked from webhooks); on needs Debian's fonts-dejavu-core. */
  ELECTION_SHARE_IMAGES: z.enum(['on', 'off']).default('on'),
  /** First start only: the admin account's name and password; without a password one is printed once. */
  ELECTION_ADMIN_USER: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, 'must be 2-40 letters, digits, dots, dashes or underscores').default('admin'),
  ELECTION_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Comma-separated origins besides the server's own that may sign in and write, e.g. https://results.example.com */
  ELECTION_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
  /**
   * Comma-separated addresses or CIDR ranges of the reverse proxies in front (e.g. 127.0.0.1):
   * requests from them are counted by the client address in X-Forwarded-For (the login limit).
   */
  ELECTION_TRUST_PROXY: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((a) => a.trim()).filter(Boolean))
    .refine((list) => list.every((a) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a)), 'must be IP addresses or CIDR ranges, comma-separated, e.g. 127.0.0.1,10.0.0.0/8'),
  /** Bytes a viewer may fall behind (sent, not yet taken) before it is dropped to resync: server/realtime/backlog.ts. */
  ELECTION_VIEWER_BACKLOG_BYTES: z.coerce.number().int().min(16 * 1024, 'must be at least 16384 bytes').default(1024 * 1024),
});
export type Config = z.infer<typeof Env>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Bad environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
