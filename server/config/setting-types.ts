/**
 * Settings the writer (config/env.ts) and a fan-out process (roles/role-config.ts) both read:
 * one definition each, so the two cannot drift in what they accept or how a bad one is reported.
 */
import { z } from 'zod';

export const RedisUrl = z.string().regex(/^rediss?:\/\//, 'must be a redis:// address such as redis://127.0.0.1:6379');

export const listenPort = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const ListenHost = z.string().default('0.0.0.0');

/** Bytes a viewer may fall behind (sent, not yet taken) before it is dropped to resync: server/realtime/backlog.ts. */
export const ViewerBacklogBytes = z.coerce
  .number()
  .int()
  .min(16 * 1024, 'must be at least 16384 bytes')
  .default(1024 * 1024);

/** Parsed, or an error that names each bad setting and what was wrong with it. */
export function parseSettings<S extends z.ZodType>(schema: S, input: unknown, heading: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${heading}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
