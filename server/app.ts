import { existsSync } from 'node:fs';
import express, { type Express } from 'express';
import { createAccountabilityRouter } from './accountability/accountability-router.ts';
import { createCypherRouter } from './cypher/cypher-router.ts';
import type { AppDeps } from './deps.ts';
import { createDocumentsRouter } from './documents/documents-router.ts';
import { createExportsRouter } from './exports/exports-router.ts';
import { createHealthRouter } from './health/health-router.ts';
import { apiNotFound, errorMiddleware } from './http/error-middleware.ts';
import { indexPage } from './http/index-page.ts';
import { precompressedStatic } from './http/precompressed.ts';
import { installTeamMiddleware } from './http/team-middleware.ts';
import { createNodesRouter } from './nodes/nodes-router.ts';
import { openingCache } from './opening/opening-cache.ts';
import { createOpeningRouter } from './opening/opening-router.ts';
import { createPostsChartRouter } from './posts-chart/posts-chart-router.ts';
import { createSchemaRouter } from './schema-info/schema-router.ts';
import { createSearchRouter } from './search/search-router.ts';
import { createSourcesRouter } from './sources/sources-router.ts';
import { createTimelineRouter } from './timeline/timeline-router.ts';
import { createViewsRouter } from './views/views-router.ts';

export interface CreateAppOptions extends AppDeps {
  /** The built client to serve, if any (dist/client). */
  staticDir?: string;
  /** Work the opening's answer out as the app starts (the server's entry point asks; tests do not). */
  warmOpening?: boolean;
}

/** Builds the Express app: the JSON API under /api and, when built, the client on the same port. */
export function createApp(options: CreateAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Logs, security headers, tokens, limits (server/http/team-middleware.ts); routers get the metered graph.
  const deps: CreateAppOptions = { ...options, graph: installTeamMiddleware(app, options) };
  app.use(express.json({ limit: '256kb' }));

  const api = express.Router();
  api.use('/health', createHealthRouter(deps));
  api.use('/schema', createSchemaRouter(deps));
  api.use('/search', createSearchRouter(deps));
  api.use('/nodes', createNodesRouter(deps));
  // The opening's answer, kept per version of the graph: its endpoint and the page share it.
  const opening = openingCache(deps.graph);
  api.use('/opening', createOpeningRouter(deps, { warm: options.warmOpening, opening }));
  api.use('/documents', createDocumentsRouter(deps));
  api.use('/accountability', createAccountabilityRouter(deps));
  api.use('/timeline', createTimelineRouter(deps));
  api.use('/posts-chart', createPostsChartRouter(deps));
  api.use('/cypher', createCypherRouter(deps));
  api.use('/views', createViewsRouter(deps));
  api.use('/sources', createSourcesRouter(deps));
  api.use('/exports', createExportsRouter(deps));
  api.use(apiNotFound());
  app.use('/api', api);

  if (deps.staticDir && existsSync(deps.staticDir)) {
    const staticDir = deps.staticDir;
    // The page itself is served by indexPage (a CSP nonce each time, and on a blank address the
    // opening's answer); client-side routes land on it too.
    app.use(precompressedStatic(staticDir));
    app.get(/^(?!\/api\/).*/, indexPage(staticDir, { opening }));
  }
  app.use(errorMiddleware(deps.logger));
  return app;
}
