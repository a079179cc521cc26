import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../server/config/project-root.ts';

/** The messages ESLint gives a text as if it were the file at `file` (the file need not exist). */
async function lint(file: string, text: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: projectRoot });
  const [result] = await eslint.lintText(text, { filePath: path.join(projectRoot, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the dependency rule is a lint rule (eslint.config.js)', () => {
  test('shared/ may not import I/O or server code', async () => {
    expect(await lint('shared/domain/example.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([
      expect.stringContaining('shared/ is pure'),
    ]);
    expect(await lint('shared/domain/example.ts', "import { a } from '../../server/db/connection.ts';\nexport const b = a;\n")).toEqual([
      expect.stringContaining('shared/ imports nothing from server/ or client/'),
    ]);
  });

  test('client/ reaches the server only through shared/protocol', async () => {
    expect(await lint('client/src/lib/example.ts', "import { a } from '../../../server/app.ts';\nexport const b = a;\n")).toEqual([
      expect.stringContaining('client/ reaches the server only through shared/protocol'),
    ]);
    expect(
      await lint('client/src/lib/example.ts', "import { a } from '../../../shared/protocol/schemas.ts';\nexport const b = a;\n"),
    ).toEqual([]);
  });

  test('server/ never imports client code', async () => {
    expect(await lint('server/http/example.ts', "import { a } from '../../client/src/lib/format.ts';\nexport const b = a;\n")).toEqual([
      expect.stringContaining('server/ never imports client code'),
    ]);
  });
});

describe('lines are kept to 140 characters (max-len in eslint.config.js)', () => {
  const long = 'x'.repeat(130);

  test('a long string, comment or markup text is refused, in TypeScript and in Svelte', async () => {
    expect(await lint('server/http/example.ts', `export const a = 'a ${long}';\n`)).toEqual([expect.stringMatching(/^max-len: /)]);
    expect(await lint('shared/domain/example.ts', `// ${long} because\nexport const a = 1;\n`)).toEqual([
      expect.stringMatching(/^max-len: /),
    ]);
    expect(await lint('client/src/lib/components/Example.svelte', `<p>\n  ${long} and more words\n</p>\n`)).toEqual([
      expect.stringMatching(/^max-len: /),
    ]);
  });

  test('a URL, an import and a test name may run on', async () => {
    expect(await lint('server/http/example.ts', `// see https://example.org/${long}\nexport const a = 1;\n`)).toEqual([]);
    expect(await lint('server/http/example.ts', `import { a } from '../${long}/${long}.ts';\nexport const b = a;\n`)).toEqual([]);
    expect(
      await lint('tests/integration/example.test.ts', `import { test } from 'vitest';\ntest('${long} reads as a sentence', () => {});\n`),
    ).toEqual([]);
  });
});
