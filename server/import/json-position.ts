/**
 * Where a value sits in a JSON text, so an error can say "line 42" as well as
 * "elections[0].seats[3].baseline.majority". JSON.parse forgets positions, so
 * this walks the (already valid) text once and records each value's offset.
 */

export type JsonPath = readonly PropertyKey[];

const keyOf = (path: JsonPath) => JSON.stringify(path.map(String));

/** The offset of every value in a valid JSON text, by its path. */
export function jsonValueOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r\uFEFF'.includes(text[i])) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (path: PropertyKey[]): void => {
    skipSpace();
    offsets.set(keyOf(path), i);
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text[i] === close) {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        skipSpace();
        if (ch === '{') {
          const key = readString();
          skipSpace();
          i++; // the colon
          readValue([...path, key]);
        } else {
          readValue([...path, index]);
        }
        skipSpace();
        if (text[i++] !== ',') return; // the closing bracket
      }
    }
    if (ch === '"') {
      readString();
      return;
    }
    while (i < text.length && !' \t\n\r,]}'.includes(text[i])) i++; // number, true, false, null
  };
  readValue([]);
  return offsets;
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * The line of the value at path; for a value that is missing (a required
 * field left out), the line of the nearest enclosing value that exists.
 */
export function lineOfJsonPath(text: string, path: JsonPath, offsets = jsonValueOffsets(text)): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const offset = offsets.get(keyOf(path.slice(0, depth)));
    if (offset !== undefined) return lineAt(text, offset);
  }
  return 1;
}
