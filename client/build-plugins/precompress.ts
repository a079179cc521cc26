/**
 * Writes a Brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside
 * every text file of the build, once, at build time: the server sends them
 * as they are (@fastify/static's preCompressed), so the best compression
 * costs nothing per reader. Each build compresses the files it wrote (the
 * readers' embed page is a build of its own into the same folder).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|css|html|svg|json|txt|map)$/;
/** Smaller than this, the encoding's overhead eats the gain. */
const THRESHOLD_BYTES = 1024;

export function precompress(): Plugin {
  return {
    name: 'election-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!TEXT.test(name)) continue;
        const file = path.join(options.dir!, name);
        const bytes = readFileSync(file);
        if (bytes.length < THRESHOLD_BYTES) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}
