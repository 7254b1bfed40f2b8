import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { readOpening } from './read-opening.ts';

/** GET /api/opening: what a blank link opens on, with everything drawing it reads. */
export function createOpeningRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await readOpening(graph));
  });
  return router;
}
