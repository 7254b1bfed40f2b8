import type { Request, RequestHandler, Response } from 'express';
import { SavedByNameSchema } from '../../graph/contract/saved-view.ts';
import { AppError } from '../../graph/errors.ts';
import type { AccessConfig } from '../config.ts';
import { isLoopbackAddress, tokenMatches } from './tokens.ts';

/** What the request may do, and the name it gave, set by `accessControl` for the routers. */
export interface Caller {
  role: 'none' | 'read' | 'write';
  name: string | undefined;
}

const TOKEN_COOKIE = 'ag_token';
const NAME_COOKIE = 'ag_name';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// POSTed only because a query does not fit a URL; the console is read-only whatever it is sent.
const READ_ONLY_POSTS = new Set(['/api/cypher', '/api/cypher/']);

export function callerOf(res: Response): Caller {
  return (res.locals.caller as Caller | undefined) ?? { role: 'none', name: undefined };
}

function cookies(req: Request): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    try {
      jar.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      // A cookie that is not valid percent-encoding is not ours.
    }
  }
  return jar;
}

/** The token and name a request carries: `Authorization: Bearer`, `Basic name:token`, or the sign-in cookies. */
function presented(req: Request): { token: string | undefined; name: string | undefined } {
  const header = req.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return { token: bearer[1], name: req.get('x-user-name') ?? undefined };
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) return { token: decoded.slice(colon + 1), name: decoded.slice(0, colon) || undefined };
  }
  const jar = cookies(req);
  return { token: jar.get(TOKEN_COOKIE), name: jar.get(NAME_COOKIE) };
}

function roleOf(token: string | undefined, access: AccessConfig): Caller['role'] | 'wrong' {
  if (token === undefined) return 'none';
  // Both are compared every time, so the time taken does not tell which token was close.
  const write = tokenMatches(token, access.writeToken);
  const read = tokenMatches(token, access.readToken);
  return write ? 'write' : read ? 'read' : 'wrong';
}

function cleanName(name: string | undefined): string | undefined {
  const parsed = SavedByNameSchema.safeParse(name);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Who may do what. With no tokens set the app is for the person at this machine: reads are open and
 * writes come from loopback only. WRITE_TOKEN opens writes to whoever has it (and then every write,
 * loopback included, needs it: behind a proxy every request arrives from loopback). READ_TOKEN closes
 * the whole app to anyone without one of the two tokens. Refusals are 403 with the uniform error body.
 *
 * A browser signs in once by opening `/?token=…&name=…`: the token goes into an HttpOnly, SameSite=Strict
 * cookie and the address bar is cleared by a redirect, so the client needs no change to send it.
 */
export function accessControl(access: AccessConfig): RequestHandler {
  return (req, res, next) => {
    const signIn = req.method === 'GET' && !req.path.startsWith('/api/') ? req.query.token : undefined;
    if (typeof signIn === 'string') {
      const role = roleOf(signIn, access);
      if (role !== 'read' && role !== 'write')
        throw new AppError('FORBIDDEN', 'That sign-in link is not valid.');
      const name = cleanName(typeof req.query.name === 'string' ? req.query.name : undefined);
      const attributes = `Path=/; HttpOnly; SameSite=Strict${req.secure ? '; Secure' : ''}`;
      const set = [`${TOKEN_COOKIE}=${encodeURIComponent(signIn)}; ${attributes}`];
      if (name) set.push(`${NAME_COOKIE}=${encodeURIComponent(name)}; ${attributes}`);
      res.setHeader('Set-Cookie', set);
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(303, req.path);
      return;
    }

    const credentials = presented(req);
    const role = roleOf(credentials.token, access);
    if (role === 'wrong') throw new AppError('FORBIDDEN', 'The token given is not valid for this instance.');
    res.locals.caller = {
      role,
      name: role === 'write' ? cleanName(credentials.name) : undefined,
    } satisfies Caller;

    if (access.readToken !== undefined && role === 'none')
      throw new AppError('FORBIDDEN', 'This instance is private: open the sign-in link you were given.');
    const isRead = SAFE_METHODS.has(req.method) || (req.method === 'POST' && READ_ONLY_POSTS.has(req.path));
    if (isRead || role === 'write') return next();
    if (access.writeToken === undefined && isLoopbackAddress(req.ip)) return next();
    throw new AppError(
      'FORBIDDEN',
      access.writeToken === undefined
        ? 'Changes are only accepted from this machine; set WRITE_TOKEN to allow others.'
        : 'Changes need the write token.',
    );
  };
}
