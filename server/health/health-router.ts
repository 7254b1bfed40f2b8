import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { checkHealth } from './health-read.ts';

/** GET /api/health: 200 while Neo4j answers, 503 `degraded` while it does not. */
export function createHealthRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const { status, body } = await checkHealth(graph);
    res.status(status).json(body);
  });
  return router;
}
