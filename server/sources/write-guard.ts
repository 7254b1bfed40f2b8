import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { AppError } from '../../graph/errors.ts';

/**
 * Who may write. While the server listens on loopback only this machine can reach it, so writes are
 * open; on any other address a write needs `Authorization: Bearer <token>`, compared in constant
 * time. Self-contained so it can serve any writing router (saved views too).
 */

/** True for the addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (h === '::1') return true;
  return h.startsWith('::ffff:127.');
}

/** Equal strings compare equal; anything else does not, in a time that does not depend on where they differ. */
export function tokensMatch(given: string, expected: string): boolean {
  // Hashing first gives two buffers of one length, as timingSafeEqual requires, whatever the input.
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Middleware for routes that write: 403 FORBIDDEN unless on loopback or with the right token. */
export function requireWriteAccess(options: { host: string; token: string | null }): RequestHandler {
  const open = isLoopbackHost(options.host);
  return (req, _res, next) => {
    if (open) return next();
    if (!options.token) {
      return next(
        new AppError(
          'FORBIDDEN',
          'Writing is closed: the server listens beyond this machine and no WRITE_TOKEN is set.',
        ),
      );
    }
    const given = bearer(req.get('authorization'));
    if (given === null || !tokensMatch(given, options.token)) {
      return next(new AppError('FORBIDDEN', 'Writing needs the write token (Authorization: Bearer …).'));
    }
    return next();
  };
}
