import type { Express } from 'express';
import type { Graph } from '../../graph/driver.ts';
import { DEFAULT_ACCESS, DEFAULT_LIMITS, type ServerConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { accessControl } from './access.ts';
import { boundReads } from './bounded-reads.ts';
import { consoleLimits } from './console-limits.ts';
import { FairGate, neo4jGate } from './fair-gate.ts';
import { type MeteredGraph, meterGraph } from './metered-graph.ts';
import { requestLog } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * What makes the app fit to share, in the order a request meets it: the request log (outermost, so
 * it sees every answer), security headers, tokens, the console's per-client limits, and the
 * server-wide bound on requests using Neo4j (saved views are files and skip it). Installed before
 * the routers; returns the metered graph, its reads bounded in time, that the routers should use.
 */
export function installTeamMiddleware(
  app: Express,
  deps: { graph: Graph; config: ServerConfig; logger: Logger },
): MeteredGraph {
  const access = deps.config.access ?? DEFAULT_ACCESS;
  const limits = deps.config.limits ?? DEFAULT_LIMITS;
  app.set('trust proxy', access.trustProxy);
  app.use(requestLog(deps.logger));
  app.use(securityHeaders());
  app.use(accessControl(access));
  app.post('/api/cypher', consoleLimits(limits));
  const gate = neo4jGate(new FairGate(limits.neo4jSessions), limits.neo4jWaitMs);
  app.use('/api', (req, res, next) => {
    if (req.path === '/views' || req.path.startsWith('/views/')) return next();
    return gate(req, res, next);
  });
  return boundReads(meterGraph(deps.graph), limits.readTimeoutMs);
}
