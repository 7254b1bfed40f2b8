import express from 'express';
import { CypherRequestSchema } from '../../graph/contract/api.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { runConsoleQuery } from './run.ts';

/** `POST /` (mounted at /api/cypher): the read-only Cypher console. */
export function createCypherRouter(deps: AppDeps): express.Router {
  const router = express.Router();
  router.post('/', async (req, res) => {
    const request = parseRequest(CypherRequestSchema, req.body, 'Cypher request');
    const response = await runConsoleQuery(deps.graph, request, deps.config.cypher);
    res.json(response);
  });
  return router;
}
