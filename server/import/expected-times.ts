/**
 * Expected declaration times as a newsroom keeps them: a CSV with a `seat`
 * column (the ONS code) and an `expected` column (an ISO 8601 time). The
 * replay writes its own schedule in the same form.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExpectedTimesInput } from '../../shared/protocol/schemas.ts';
import { parseCsvTable } from './csv-table.ts';
import { ImportError } from './import-error.ts';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseExpectedTimes(text: string, file = 'expected times'): ExpectedTimesInput {
  const table = parseCsvTable(text, file, ['seat', 'expected']);
  return {
    times: table.rows.map(({ line, fields }) => {
      const seat = fields['seat'].trim();
      const expectedAt = fields['expected'].trim();
      if (!/^[EWSNK]\d{8}$/.test(seat)) throw new ImportError(file, line, 'seat', `must be an ONS code such as E14000654 (got '${seat}')`);
      if (!ISO_TIME.test(expectedAt))
        throw new ImportError(file, line, 'expected', `must be an ISO 8601 time such as 2019-12-13T01:30:00Z (got '${expectedAt}')`);
      return { seat, expectedAt };
    }),
  };
}

export function readExpectedTimes(file: string): ExpectedTimesInput {
  return parseExpectedTimes(readFileSync(file, 'utf8'), path.basename(file));
}

export function expectedTimesCsv(input: ExpectedTimesInput): string {
  return ['seat,expected', ...input.times.map((t) => `${t.seat},${t.expectedAt}`)].join('\n') + '\n';
}
