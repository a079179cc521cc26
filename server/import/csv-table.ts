/** A CSV text as rows of named fields, each with the line it starts on (for error messages). */
import { parse } from 'csv-parse/sync';
import { ImportError } from './import-error.ts';

export interface CsvRow {
  line: number;
  fields: Record<string, string>;
}

export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
}

interface ParsedWithInfo {
  record: Record<string, string>;
  info: { lines: number; empty_lines: number };
}

/** The header row's column names, without reading the rest. */
export function csvColumns(text: string): string[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const [header] = parse(firstLine, { relax_quotes: true }) as string[][];
  return (header ?? []).map((c) => c.trim());
}

export function parseCsvTable(text: string, file: string, requiredColumns: readonly string[]): CsvTable {
  const columns = csvColumns(text);
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new ImportError(file, 1, null, `missing column ${missing.map((c) => `'${c}'`).join(', ')} (found: ${columns.join(', ')})`);
  }
  let parsed: ParsedWithInfo[];
  try {
    parsed = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((c) => c.trim()),
      info: true,
      skip_empty_lines: true,
    }) as ParsedWithInfo[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new ImportError(file, lines ?? 1, null, (error as Error).message);
  }
  // csv-parse reports the line a record ends on; a record starts after the previous one and any blank lines.
  let previousEnd = 1;
  let previousEmpty = 0;
  const rows = parsed.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return { line, fields: record };
  });
  return { columns, rows };
}
