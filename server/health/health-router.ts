import { Router } from 'express';
import type { Health } from '../../graph/contract/api.ts';
import { AppError, fromNeo4jError } from '../../graph/errors.ts';
import type { AppDeps } from '../deps.ts';

// One round trip: the server's version and edition, and the graph's size from the count store.
const HEALTH = `
CALL dbms.components() YIELD versions, edition
WITH versions[0] AS version, edition LIMIT 1
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN version, edition, nodes, relationships`;

/** GET /api/health: 200 while Neo4j answers, 503 `degraded` while it does not. */
export function createHealthRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    try {
      const record = await graph.read(async (tx) => (await tx.run(HEALTH)).records[0]);
      const body: Health = {
        status: 'ok',
        neo4j: {
          status: 'up',
          version: String(record?.get('version')),
          edition: String(record?.get('edition')),
        },
        graph: {
          nodes: Number(record?.get('nodes') ?? 0),
          relationships: Number(record?.get('relationships') ?? 0),
        },
      };
      res.json(body);
    } catch (error) {
      const appError = error instanceof AppError ? error : fromNeo4jError(error);
      const status = appError.code === 'DATABASE_UNAVAILABLE' ? 503 : appError.status;
      const body: Health = {
        status: 'degraded',
        neo4j: { status: 'down' },
        error: { code: appError.code, message: appError.message, details: appError.details },
      };
      res.status(status).json(body);
    }
  });
  return router;
}
