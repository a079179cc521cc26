/**
 * Builds one more page on its own, into the same folder, once the main build has written its
 * files: a graph of its own, so its modules are shaken and chunked for that page alone rather
 * than in chunks shared with every other screen (the readers' embed page, ADR 0031).
 */
import path from 'node:path';
import { build, type InlineConfig, type Plugin } from 'vite';

export function separateBuild(name: string, config: (outDir: string) => InlineConfig): Plugin {
  let outDir = '';
  let root = '';
  return {
    name: `election-separate-build-${name}`,
    apply: 'build',
    configResolved(resolved) {
      root = resolved.root;
      outDir = path.resolve(resolved.root, resolved.build.outDir);
    },
    async closeBundle() {
      const own = config(outDir);
      await build({ ...own, root, configFile: false, logLevel: own.logLevel ?? 'warn' });
    },
  };
}
