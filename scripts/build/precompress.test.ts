import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_BYTES, precompressDir } from './precompress.ts';

describe('precompressDir', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes Brotli and gzip copies that decode to each script, style sheet and SVG, and skips the rest', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'precompress-'));
    await mkdir(path.join(dir, 'assets'));
    const script = `export const text = ${JSON.stringify('accountable '.repeat(400))};\n`;
    await writeFile(path.join(dir, 'assets', 'index-1.js'), script);
    await writeFile(path.join(dir, 'assets', 'index-1.css'), '.a{color:red}\n'.repeat(200));
    await writeFile(path.join(dir, 'assets', 'tiny.js'), 'export {};');
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>'.repeat(200));

    const written = await precompressDir(dir);

    expect(written.map((w) => w.file).sort()).toEqual([
      path.join('assets', 'index-1.css'),
      path.join('assets', 'index-1.js'),
    ]);
    const br = await readFile(path.join(dir, 'assets', 'index-1.js.br'));
    const gz = await readFile(path.join(dir, 'assets', 'index-1.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(script);
    expect(gunzipSync(gz).toString()).toBe(script);
    for (const w of written) {
      expect(w.brotliBytes).toBeLessThan(w.bytes);
      expect(w.gzipBytes).toBeLessThan(w.bytes);
    }
    // Too small to gain, and the page itself, are left alone.
    expect('export {};'.length).toBeLessThan(MIN_BYTES);
    const files = await readdir(dir, { recursive: true });
    expect(files.filter((f) => f.startsWith(path.join('assets', 'tiny.js')))).toEqual([
      path.join('assets', 'tiny.js'),
    ]);
    expect(files.filter((f) => f.startsWith('index.html'))).toEqual(['index.html']);
  });
});
