import { Router } from 'express';
import { SearchQuerySchema } from '../../graph/contract/api.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { search } from './search-read.ts';

/** GET /api/search?q=&label=&limit=: full-text search over names, aliases, titles and quotes. */
export function createSearchRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await search(graph, parseRequest(SearchQuerySchema, req.query, 'search')));
  });
  return router;
}
