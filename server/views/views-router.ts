import { Router } from 'express';
import {
  SavedViewIdSchema,
  SavedViewInputSchema,
  type SavedViewList,
} from '../../graph/contract/saved-view.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { createViewStore } from './view-store.ts';

/** GET/POST /api/views and GET/DELETE /api/views/:id: saved views, kept as files under DATA_DIR. */
export function createViewsRouter({ config, logger }: AppDeps): Router {
  const store = createViewStore(config.dataDir, logger);
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ views: await store.list() } satisfies SavedViewList);
  });

  router.post('/', async (req, res) => {
    const input = parseRequest(SavedViewInputSchema, req.body, 'saved view');
    const view = await store.create(input);
    res.status(201).location(`/api/views/${view.id}`).json(view);
  });

  router.get('/:id', async (req, res) => {
    res.json(await store.get(parseRequest(SavedViewIdSchema, req.params.id, 'saved view id')));
  });

  router.delete('/:id', async (req, res) => {
    await store.remove(parseRequest(SavedViewIdSchema, req.params.id, 'saved view id'));
    res.status(204).end();
  });

  return router;
}
