import { Router } from 'express';
import { PostsChartQuerySchema } from '../../graph/contract/posts-chart.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { readPostsChart } from './read-posts-chart.ts';

/** GET /api/posts-chart?org=&from=&to=: an organisation's posts and tenures over time, in one round trip. */
export function createPostsChartRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(
      await readPostsChart(graph, parseRequest(PostsChartQuerySchema, req.query, 'posts chart query')),
    );
  });
  return router;
}
