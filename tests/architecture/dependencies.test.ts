import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../server/config/project-root.ts';

/** Every .ts and .svelte file under a folder, with the modules it imports. */
function importsUnder(folder: string): Array<{ file: string; from: string }> {
  const found: Array<{ file: string; from: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|svelte)$/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
          found.push({ file: path.relative(projectRoot, full), from: m[1] ?? m[2] });
        }
      }
    }
  };
  walk(path.join(projectRoot, folder));
  return found;
}

describe('dependencies point one way (STYLE.md)', () => {
  test('shared/ imports no I/O, no database, no sockets, no Svelte, and nothing from server/ or client/', () => {
    const forbidden = /^(node:|fs$|path$|better-sqlite3|socket\.io|svelte|fastify|@fastify)|\/(server|client)\//;
    const offending = importsUnder('shared').filter(({ from }) => forbidden.test(from));
    expect(offending).toEqual([]);
  });

  test('client/ reaches the server only through shared/protocol', () => {
    const offending = importsUnder('client/src').filter(({ from }) => /\/server\/|better-sqlite3|fastify|^node:/.test(from));
    expect(offending).toEqual([]);
  });

  test('server/ never imports client code', () => {
    const offending = importsUnder('server').filter(({ from }) => /\/client\//.test(from));
    expect(offending).toEqual([]);
  });

  test('the screens read live state without zod: its schemas reach them as types only', () => {
    // zod and the schemas are 28 KB gzip of the big screen's JavaScript when a value import pulls them in.
    const readers = [
      'shared/protocol/compact-snapshot.ts',
      'shared/protocol/compact-update.ts',
      'shared/protocol/apply-update.ts',
      'client/src/lib/snapshot-reader.ts',
      'client/src/lib/stores/election.svelte.ts',
      ...fs.readdirSync(path.join(projectRoot, 'shared/domain')).filter((f) => /^[a-z-]+\.ts$/.test(f)).map((f) => `shared/domain/${f}`),
    ];
    const valueImports = readers.flatMap((file) =>
      [...fs.readFileSync(path.join(projectRoot, file), 'utf8').matchAll(/^import (?!type )[^;]*?from '([^']+)';/gms)].map((m) => ({ file, from: m[1] })),
    );
    expect(valueImports.length).toBeGreaterThan(5);
    expect(valueImports.filter(({ from }) => /^zod$|schemas\.ts$|accounts\.ts$/.test(from))).toEqual([]);
  });
});
