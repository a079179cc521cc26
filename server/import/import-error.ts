/** An import problem that names the file, the line and the field, so the fix is one edit away. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string | null,
    readonly problem: string,
  ) {
    super(`${file} line ${line}${field ? `, ${field}` : ''}: ${problem}`);
    this.name = 'ImportError';
  }
}
