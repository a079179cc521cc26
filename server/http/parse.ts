/** parse -> service -> reply: the parse step, shared by every route, for a request's body, query string or route params alike. */
import type { z } from 'zod';
import { problemsFromZod } from '../../shared/protocol/problems.ts';
import { RefusedError } from '../services/errors.ts';

/** The input as its schema reads it, or a 400 naming each field that is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw RefusedError.forProblems(problemsFromZod(parsed.error, input));
  }
  return parsed.data;
}
