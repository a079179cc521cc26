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
