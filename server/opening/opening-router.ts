import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { openingCache } from './opening-cache.ts';

/** GET /api/opening: what a blank link opens on, with everything drawing it reads. */
export function createOpeningRouter({ graph }: AppDeps): Router {
  const router = Router();
  // One per app: the answer is kept for the graph this app reads.
  const opening = openingCache(graph);
  router.get('/', async (_req, res) => {
    res.type('application/json').send(await opening());
  });
  return router;
}
