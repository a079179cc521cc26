/** Turns zod issues into problems that name the field and what was wrong with it. */
import type { z } from 'zod';
import type { FieldProblem } from '../domain/declaration.ts';

/** candidates.2.votes -> candidates[2].votes */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A refusal is shown on screen and may be logged: a password is never repeated back. */
const isSecret = (path: readonly PropertyKey[]) => /password|secret/i.test(String(path.at(-1) ?? ''));

export function problemsFromZod(error: z.ZodError, input: unknown): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = fieldPath(issue.path) || 'body';
    const value = valueAt(input, issue.path);
    const got =
      value === undefined ? ' (missing)' : typeof value === 'object' || isSecret(issue.path) ? '' : ` (got ${shown(value)})`;
    return { path, message: `${issue.message}${got}` };
  });
}
