import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { readGraphSchema } from './schema-read.ts';

/** GET /api/schema: labels and relationship types with counts, and property keys. */
export function createSchemaRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await readGraphSchema(graph));
  });
  return router;
}
