import { Router } from 'express';
import { AppError, fromNeo4jError } from '../../graph/errors.ts';
import type { Health } from '../api/contract.ts';
import type { AppDeps } from '../deps.ts';

const GRAPH_COUNTS = `
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships`;

/** GET /api/health: 200 while Neo4j answers, 503 `degraded` while it does not. */
export function createHealthRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    try {
      const { version, edition } = await graph.verify();
      const counts = await graph.read(async (tx) => {
        const record = (await tx.run(GRAPH_COUNTS)).records[0];
        return {
          nodes: Number(record?.get('nodes') ?? 0),
          relationships: Number(record?.get('relationships') ?? 0),
        };
      });
      const body: Health = { status: 'ok', neo4j: { status: 'up', version, edition }, graph: counts };
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
