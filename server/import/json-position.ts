/**
 * Where a value sits in a JSON text, so an error can say "line 42" as well as
 * "elections[0].seats[3].baseline.majority". JSON.parse forgets positions;
 * jsonc-parser's syntax tree keeps them.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

export type JsonPath = readonly PropertyKey[];

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** A valid JSON text's syntax tree, read once for all the lines an error report asks for. */
export function jsonTree(text: string): Node | undefined {
  return parseTree(text);
}

/**
 * The line of the value at path; for a value that is missing (a required
 * field left out), the line of the nearest enclosing value that exists.
 */
export function lineOfJsonPath(text: string, path: JsonPath, tree = jsonTree(text)): number {
  if (!tree) return 1;
  const steps = path.map((key) => (typeof key === 'number' ? key : String(key)));
  for (let depth = steps.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(tree, steps.slice(0, depth));
    if (node) return lineAt(text, node.offset);
  }
  return 1;
}
