import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { openingCache } from './opening-cache.ts';

/**
 * GET /api/opening: what a blank link opens on, with everything drawing it reads. With `warm`, the
 * answer is worked out as the app starts: right after Neo4j starts, its first working-out waits
 * for every read to be planned (8.5 s measured), which the first visitor would otherwise sit through.
 */
export function createOpeningRouter(
  { graph, logger }: AppDeps,
  {
    warm = false,
    // One per app: the answer is kept for the graph this app reads (the page shares it).
    opening = openingCache(graph),
  }: { warm?: boolean | undefined; opening?: () => Promise<string> } = {},
): Router {
  const router = Router();
  if (warm) {
    // Nothing waits on it; a database not yet reachable is reported by the reads that need it.
    opening().catch((error: unknown) =>
      logger.warn(`The opening could not be worked out in advance: ${(error as Error).message}`),
    );
  }
  router.get('/', async (_req, res) => {
    res.type('application/json').send(await opening());
  });
  return router;
}
