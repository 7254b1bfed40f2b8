/**
 * The JS a browser downloads, gzipped: for the first view (the entry chunk and every chunk it
 * imports statically, then the canvas's chunk, Cytoscape, which the entry imports as it starts,
 * once the opening's picture is painted), for that picture alone (the entry and its static imports),
 * and for the Cypher console (its lazily loaded chunk and what only it imports). Built with the
 * project's own Vite config into a scratch folder, with a manifest.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
  name?: string;
}

/** The canvas module's chunk is named after it (client/src/canvas/cy.ts). */
const CANVAS_CHUNK_NAME = 'cy';

export interface BundleSizes {
  /** The entry and its static imports: what paints the opening's picture. */
  pictureGzipKB?: number;
  firstViewGzipKB: number;
  firstViewFiles: number;
  consoleGzipKB: number;
  consoleFiles: number;
}

/** The chunk and everything it imports statically, by manifest key. */
function closure(
  manifest: Record<string, ManifestChunk>,
  key: string,
  seen = new Set<string>(),
): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) closure(manifest, next, seen);
  return seen;
}

export async function measureBundles(root: string): Promise<BundleSizes> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'bench-bundle-'));
  try {
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
    const manifest = JSON.parse(
      await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, ManifestChunk>;
    const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
    const consoleKey = Object.keys(manifest).find((key) => /console-panel/.test(key));
    if (!entry || !consoleKey) throw new Error('the build has no entry or no console chunk');
    const gzipKB = async (keys: Iterable<string>) => {
      let bytes = 0;
      for (const key of keys) {
        const file = manifest[key]?.file;
        if (file?.endsWith('.js')) bytes += gzipSync(await readFile(path.join(outDir, file))).length;
      }
      return Math.round(bytes / 102.4) / 10;
    };
    const picture = closure(manifest, entry);
    const canvasKey = manifest[entry]?.dynamicImports?.find(
      (key) => manifest[key]?.name === CANVAS_CHUNK_NAME,
    );
    if (!canvasKey) throw new Error('the build has no canvas chunk imported by the entry');
    const first = closure(manifest, canvasKey, new Set(picture));
    const consoleOnly = [...closure(manifest, consoleKey)].filter((key) => !first.has(key));
    return {
      pictureGzipKB: await gzipKB(picture),
      firstViewGzipKB: await gzipKB(first),
      firstViewFiles: first.size,
      consoleGzipKB: await gzipKB(consoleOnly),
      consoleFiles: consoleOnly.length,
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
