/**
 * Where the public election data lives. The files are read at run time and
 * never copied into the repository (shared/data/README.md), so every caller
 * resolves them here: --data-dir, then ELECTION_DATA_DIR, then ../shared/data.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-root.ts';

export function dataDir(flag?: string): string {
  return path.resolve(flag ?? process.env.ELECTION_DATA_DIR ?? path.resolve(projectRoot, '../shared/data'));
}

/** The articles the baseline cites (seeds/...), beside the data folder by default. */
export function articlesDir(): string {
  return path.resolve(process.env.ELECTION_ARTICLES_DIR ?? path.resolve(projectRoot, '../shared/seeds'));
}

/**
 * A data file's full path. A missing file is an error, never a skip: CI must
 * fail loudly rather than pass without the real-results checks.
 */
export function dataFile(name: string, dir: string = dataDir()): string {
  const file = path.resolve(dir, name);
  if (!existsSync(file)) {
    throw new Error(
      `missing data file ${file}: put the public data in ${dir}, or point ELECTION_DATA_DIR (or --data-dir) at the folder that holds ` +
        `${name}`,
    );
  }
  return file;
}

/** A path as typed (or a file in the working directory), else a bare name such as GE2015-winners.csv in the data folder. */
export function locateDataFile(file: string, dirFlag?: string): string {
  if (file.includes('/') || file.includes(path.sep) || existsSync(file)) return path.resolve(file);
  return dataFile(file, dataDir(dirFlag));
}
