import type { RequestHandler } from 'express';
import { AppError } from '../../graph/errors.ts';
import { isLoopbackAddress, tokenMatches } from '../http/tokens.ts';

/**
 * Who may write. While the server listens on loopback only this machine can reach it, so writes are
 * open; on any other address a write needs `Authorization: Bearer <token>`, compared in constant
 * time with the same helpers as the app-wide access control (server/http/access.ts), which also
 * applies: this guard adds the rule that depends on the address the server listens on.
 */

/** True for the names and addresses only this machine can reach (the address the server listens on). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || isLoopbackAddress(h);
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
    if (given === null || !tokenMatches(given, options.token)) {
      return next(new AppError('FORBIDDEN', 'Writing needs the write token (Authorization: Bearer …).'));
    }
    return next();
  };
}
