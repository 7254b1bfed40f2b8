import {
  type PostsChart,
  type PostsChartQuery,
  PostsChartSchema,
} from '../../../graph/contract/posts-chart.ts';
import { requestJson } from '../api.ts';

/** GET /api/posts-chart, checked against its contract schema. */
export async function fetchPostsChart(
  query: PostsChartQuery,
  options: { baseUrl?: string; signal?: AbortSignal } = {},
): Promise<PostsChart> {
  const params = new URLSearchParams({ org: query.org });
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  const body = await requestJson<unknown>(
    globalThis.fetch.bind(globalThis),
    `${options.baseUrl ?? ''}/api/posts-chart?${params}`,
    { signal: options.signal },
  );
  return PostsChartSchema.parse(body);
}
