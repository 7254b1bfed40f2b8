import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every built script, style sheet and SVG, at
 * the strongest settings, once per build, so the server can send the first view's JS at about a
 * third of its size without compressing anything per request (server/http/precompressed.ts).
 * The page itself is left out: it is served with a fresh nonce each time (server/http/index-page.ts).
 */
export const COMPRESSIBLE = /\.(js|css|svg)$/;
/** Below this, a compressed copy saves less than its own headers cost. */
export const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export interface CompressedFile {
  file: string;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/** Compresses every compressible file under `dir` (recursively); returns what it wrote. */
export async function precompressDir(dir: string): Promise<CompressedFile[]> {
  const written: CompressedFile[] = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, entry);
    if (!COMPRESSIBLE.test(entry) || !(await stat(file)).isFile()) continue;
    const content = await readFile(file);
    if (content.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    written.push({ file: entry, bytes: content.length, brotliBytes: br.length, gzipBytes: gz.length });
  }
  return written;
}

/** The Vite plugin: precompresses the output folder once the bundle is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'accountability-graph:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      await precompressDir(outDir);
    },
  };
}
