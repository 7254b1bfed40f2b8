import { Router } from 'express';
import { NeighboursQuerySchema, NodeIdSchema } from '../../graph/contract/api.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { readNeighbours, readNodeDetail } from './node-read.ts';

/** GET /api/nodes/:id and GET /api/nodes/:id/neighbours. */
export function createNodesRouter({ graph }: AppDeps): Router {
  const router = Router();

  router.get('/:id', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'node id');
    res.json(await readNodeDetail(graph, id));
  });

  router.get('/:id/neighbours', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'node id');
    const query = parseRequest(NeighboursQuerySchema, req.query, 'neighbours query');
    res.json(await readNeighbours(graph, id, query));
  });

  return router;
}
