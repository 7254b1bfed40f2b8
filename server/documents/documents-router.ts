import { Router } from 'express';
import { NodeIdSchema } from '../../graph/contract/api.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { readDocument } from './document-read.ts';

/** GET /api/documents/:id: the document's metadata and full text, so a quote can be shown in context. */
export function createDocumentsRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/:id', async (req, res) => {
    res.json(await readDocument(graph, parseRequest(NodeIdSchema, req.params.id, 'document id')));
  });
  return router;
}
