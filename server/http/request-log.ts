import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.ts';
import { type RequestContext, runInRequest } from './request-context.ts';

// A proxy's id is kept (so its log and ours can be joined) only when it cannot smuggle anything into a log line.
const INCOMING_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives each request an id (echoed as `X-Request-Id`) and writes one JSON line when it ends: status,
 * total time and the time spent in Neo4j sessions. The path is logged without its query string, which
 * can carry a sign-in token or what someone searched for.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const context: RequestContext = {
      id: incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID(),
      neo4jMs: 0,
      neo4jSessions: 0,
    };
    res.setHeader('X-Request-Id', context.id);
    const started = performance.now();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      logger.request?.({
        id: context.id,
        method: req.method,
        path: req.originalUrl.split('?')[0] ?? '/',
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        neo4jMs: Math.round(context.neo4jMs * 10) / 10,
        neo4jSessions: context.neo4jSessions,
        client: req.ip ?? '',
        aborted: !res.writableFinished,
      });
    };
    res.once('finish', done);
    res.once('close', done);
    runInRequest(context, next);
  };
}
