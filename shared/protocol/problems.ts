/** Turns zod issues into problems that name the field and what was wrong with it. */
import type { z } from 'zod';
import type { FieldProblem } from '../domain/declaration.ts';

/** candidates.2.votes -> candidates[2].votes; a key that is no plain name is quoted: aliases["Lab Co-op"]. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `${out}[${JSON.stringify(name)}]`;
    return out === '' ? name : `${out}.${name}`;
  }, '');
}

/** The value a problem points at, or undefined where the input has nothing there. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
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

/** " (got -5)", " (missing)", or nothing for an object (its path says where) or a secret. */
export function gotValue(path: readonly PropertyKey[], value: unknown): string {
  if (value === undefined) return ' (missing)';
  if (typeof value === 'object' || isSecret(path)) return '';
  return ` (got ${shown(value)})`;
}

export function problemsFromZod(error: z.ZodError, input: unknown): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: fieldPath(issue.path) || 'body',
    message: `${issue.message}${gotValue(issue.path, valueAt(input, issue.path))}`,
  }));
}
