import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { dataDir, dataFile } from '../../server/config/data-dir.ts';
import { projectRoot } from '../../server/config/project-root.ts';

const saved = process.env.ELECTION_DATA_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.ELECTION_DATA_DIR;
  else process.env.ELECTION_DATA_DIR = saved;
});

describe('dataDir', () => {
  test('defaults to ../shared/data beside the project', () => {
    delete process.env.ELECTION_DATA_DIR;
    expect(dataDir()).toBe(path.resolve(projectRoot, '../shared/data'));
  });

  test('follows ELECTION_DATA_DIR, and a --data-dir flag over both', () => {
    process.env.ELECTION_DATA_DIR = '/srv/election-data';
    expect(dataDir()).toBe('/srv/election-data');
    expect(dataDir('/mnt/rehearsal')).toBe('/mnt/rehearsal');
  });
});

describe('dataFile', () => {
  test('fails loudly, saying how to fix it, when a data file is missing', () => {
    expect(() => dataFile('GE2031-winners.csv', '/nowhere')).toThrow(
      'missing data file /nowhere/GE2031-winners.csv: put the public data in /nowhere, ' +
        'or point ELECTION_DATA_DIR (or --data-dir) at the folder that holds GE2031-winners.csv',
    );
  });
});
