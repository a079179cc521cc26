import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../server/config/project-root.ts';

// Which folder may import which is a lint rule (eslint.config.js, tested in lint-rules.test.ts).
describe('the screens stay small', () => {
  test('the screens read live state without zod: its schemas reach them as types only', () => {
    // zod and the schemas are 28 KB gzip of the big screen's JavaScript when a value import pulls them in.
    const readers = [
      'shared/protocol/compact-snapshot.ts',
      'shared/protocol/compact-update.ts',
      'shared/protocol/apply-update.ts',
      'client/src/lib/snapshot-reader.ts',
      'client/src/lib/stores/election.svelte.ts',
      ...fs
        .readdirSync(path.join(projectRoot, 'shared/domain'))
        .filter((f) => /^[a-z-]+\.ts$/.test(f))
        .map((f) => `shared/domain/${f}`),
    ];
    const valueImports = readers.flatMap((file) =>
      [...fs.readFileSync(path.join(projectRoot, file), 'utf8').matchAll(/^import (?!type )[^;]*?from '([^']+)';/gms)].map((m) => ({
        file,
        from: m[1],
      })),
    );
    expect(valueImports.length).toBeGreaterThan(5);
    expect(valueImports.filter(({ from }) => /^zod$|schemas\.ts$|accounts\.ts$/.test(from))).toEqual([]);
  });
});
