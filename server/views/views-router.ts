import { Router } from 'express';
import {
  SavedViewIdSchema,
  SavedViewInputSchema,
  type SavedViewList,
} from '../../graph/contract/saved-view.ts';
import type { AppDeps } from '../deps.ts';
import { callerOf } from '../http/access.ts';
import { parseRequest } from '../http/validate.ts';
import { createViewStore } from './view-store.ts';

/**
 * GET/POST /api/views and GET/DELETE /api/views/:id: saved views, kept as files under DATA_DIR. Who may
 * write is decided before this router (server/http/access.ts).
 */
export function createViewsRouter({ config, logger }: AppDeps): Router {
  const store = createViewStore(config.dataDir, logger);
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ views: await store.list() } satisfies SavedViewList);
  });

  router.post('/', async (req, res) => {
    const input = parseRequest(SavedViewInputSchema, req.body, 'saved view');
    // Who saved it is only recorded from the name that came with the write token, never from the body.
    const view = await store.create(input, callerOf(res).name);
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
