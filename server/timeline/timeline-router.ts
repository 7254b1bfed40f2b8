import { Router } from 'express';
import { TimelineQuerySchema } from '../../graph/contract/api.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { readTimeline } from './read-timeline.ts';

/** GET /api/timeline?org= or ?person=: dated events in order, precision kept. */
export function createTimelineRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await readTimeline(graph, parseRequest(TimelineQuerySchema, req.query, 'timeline query')));
  });
  return router;
}
