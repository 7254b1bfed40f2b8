import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accepts, precompressedStatic } from './precompressed.ts';

const SCRIPT = `console.log(${JSON.stringify('a'.repeat(5000))});\n`;

describe('accepts', () => {
  it('reads names, weights and wildcards', () => {
    expect(accepts('gzip, deflate, br', 'br')).toBe(true);
    expect(accepts('gzip;q=1.0, br;q=0', 'br')).toBe(false);
    expect(accepts('GZIP', 'gzip')).toBe(true);
    expect(accepts('*', 'br')).toBe(true);
    expect(accepts('*;q=0', 'gzip')).toBe(false);
    expect(accepts('br;q=0, *', 'br')).toBe(false);
    expect(accepts('identity', 'gzip')).toBe(false);
    expect(accepts(undefined, 'gzip')).toBe(false);
  });
});

describe('precompressedStatic', () => {
  let dir: string;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'precompressed-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'assets', 'index-abc.js'), SCRIPT);
    await writeFile(path.join(dir, 'assets', 'index-abc.js.br'), brotliCompressSync(SCRIPT));
    await writeFile(path.join(dir, 'assets', 'index-abc.js.gz'), gzipSync(SCRIPT));
    await writeFile(path.join(dir, 'assets', 'small.css'), 'a{}');
    await writeFile(path.join(dir, 'robots.txt'), 'User-agent: *');
    const app = express();
    app.use(precompressedStatic(dir));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  /** A raw request: node:http leaves the body as sent, where fetch would decode it. */
  function get(urlPath: string, acceptEncoding?: string) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        const req = http.get(
          {
            host: '127.0.0.1',
            port,
            path: urlPath,
            headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          },
        );
        req.on('error', reject);
      },
    );
  }

  it('sends the Brotli copy to a browser that accepts it, typed as the script it holds', async () => {
    const res = await get('/assets/index-abc.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('sends the gzip copy when Brotli is not accepted, and the file itself when neither is', async () => {
    const gz = await get('/assets/index-abc.js?v=1', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    for (const header of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/assets/index-abc.js', header);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.toString()).toBe(SCRIPT);
    }
  });

  it('sends files without copies as they are, and passes unknown paths on', async () => {
    const css = await get('/assets/small.css', 'br');
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.headers.vary).toBeUndefined();
    expect(css.body.toString()).toBe('a{}');
    const robots = await get('/robots.txt', 'br');
    expect(robots.headers['cache-control']).toBe('public, max-age=3600');
    expect((await get('/assets/missing.js', 'br')).status).toBe(404);
  });
});
