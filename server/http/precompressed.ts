import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import express from 'express';

/**
 * The built client, with each file's Brotli or gzip copy (written at build time by
 * scripts/build/precompress.ts) sent instead of the file to a browser that accepts it: the first
 * view's script goes out at about a quarter of its size, and nothing is compressed per request.
 * Hashed file names never change content, so they may be kept a year without asking again.
 */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** `Accept-Encoding` names the encoding with a non-zero weight (or a wildcard does). */
export function accepts(header: string | undefined, encoding: string): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name === encoding) return weight > 0;
    if (name === '*') wildcard = weight > 0;
  }
  return wildcard;
}

/** The files under `dir` (paths relative to it, with forward slashes), listed once at start. */
function filesUnder(dir: string): Set<string> {
  return new Set(
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => `/${f.split(path.sep).join('/')}`),
  );
}

export function precompressedStatic(dir: string): RequestHandler {
  const files = filesUnder(dir);
  const serve = express.static(dir, {
    index: false,
    maxAge: '1h',
    setHeaders(res, file) {
      const relative = `/${path.relative(dir, file).split(path.sep).join('/')}`;
      const encoding = ENCODINGS.find((e) => relative.endsWith(e.suffix));
      const original = encoding ? relative.slice(0, -encoding.suffix.length) : relative;
      if (encoding) {
        res.setHeader('Content-Encoding', encoding.name);
        // The type of what the copy holds, not of a .br or .gz file.
        res.type(path.extname(original));
      }
      if (files.has(`${original}.br`) || files.has(`${original}.gz`))
        res.setHeader('Vary', 'Accept-Encoding');
      if (original.startsWith('/assets/')) {
        res.setHeader('Cache-Control', `public, max-age=${YEAR_SECONDS}, immutable`);
      }
    },
  });
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const header = req.headers['accept-encoding'];
      const encoding = ENCODINGS.find((e) => files.has(`${req.path}${e.suffix}`) && accepts(header, e.name));
      if (encoding) req.url = `${req.path}${encoding.suffix}${req.url.slice(req.path.length)}`;
    }
    serve(req, res, next);
  };
}
