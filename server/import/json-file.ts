/** Parse a JSON text against a zod schema, with errors that name the file, the line and the field. */
import type { z } from 'zod';
import { fieldPath, gotValue, valueAt } from '../../shared/protocol/problems.ts';
import { jsonTree, lineAt, lineOfJsonPath } from './json-position.ts';

/**
 * The data, or an Error listing every problem, one a line:
 * "data/article-baseline.json line 42 (elections[0].seats[3].baseline.majority): must be ...".
 */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S, label: string): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` line ${lineAt(text, Number(position[1]))}` : '';
    throw new Error(`${label}${where}: not valid JSON: ${message}`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const tree = jsonTree(text);
  const problems = parsed.error.issues.map((issue) => {
    const line = lineOfJsonPath(text, issue.path, tree);
    return (
      `${label} line ${line} (${fieldPath(issue.path) || 'the whole file'}): ` +
      `${issue.message}${gotValue(issue.path, valueAt(raw, issue.path))}`
    );
  });
  throw new Error(problems.join('\n'));
}
