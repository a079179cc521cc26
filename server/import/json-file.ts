/** Parse a JSON text against a zod schema, with errors that name the file, the line and the field. */
import type { z } from 'zod';
import { formatJsonPath, jsonValueOffsets, lineAt, lineOfJsonPath, type JsonPath } from './json-position.ts';

function valueAt(root: unknown, path: JsonPath): unknown {
  let value: unknown = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** "(got -5)" where the offending value is a short plain value; objects are pointed at by path and line. */
function gotValue(value: unknown): string {
  if (value === undefined) return ' (missing)';
  if (value !== null && typeof value === 'object') return '';
  const quoted = JSON.stringify(value);
  return quoted.length <= 60 ? ` (got ${quoted})` : '';
}

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
    throw new Error(`${label}${where}: not valid JSON: ${message}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const offsets = jsonValueOffsets(text);
  const problems = parsed.error.issues.map((issue) => {
    const line = lineOfJsonPath(text, issue.path, offsets);
    return `${label} line ${line} (${formatJsonPath(issue.path)}): ${issue.message}${gotValue(valueAt(raw, issue.path))}`;
  });
  throw new Error(problems.join('\n'));
}
