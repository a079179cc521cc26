/** parse -> service -> reply: the parse step, shared by every route. */
import type { z } from 'zod';
import { problemsFromZod } from '../../shared/protocol/problems.ts';
import { RefusedError } from '../services/errors.ts';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw RefusedError.forProblems(problemsFromZod(parsed.error, body));
  }
  return parsed.data;
}
