/**
 * The app under test in a process of its own, as it is deployed: its own event loop and its own
 * driver pool. Run in-process, the benchmark's HTTP client (fetch, its parsing and its timers) shares
 * the app's one JavaScript thread and is charged to the app, while the bare driver script it is
 * compared with carries no such client; measured that way, the app/bare ratio says as much about
 * the load generator as about the app.
 */
import type { Neo4jConfig } from '../../graph/config.ts';
import { openGraph } from '../../graph/driver.ts';
import { createApp } from '../../server/app.ts';
import type { ServerConfig } from '../../server/config.ts';
import { listenOnFreePort } from '../../server/listen.ts';
import { silentLogger } from '../../server/logger.ts';
import { type ChildServer, serveInChild, startChildServer } from './child-server.ts';

interface StartMessage {
  neo4j: Neo4jConfig;
  server: ServerConfig;
}

export type AppProcess = ChildServer;

/** Starts this module as a child process serving the app; resolves once it listens. */
export function startAppProcess(message: StartMessage): Promise<AppProcess> {
  return startChildServer(import.meta.url, 'app', message);
}

serveInChild<StartMessage>(import.meta.url, async (message) => {
  const graph = openGraph(message.neo4j);
  const server = await listenOnFreePort(createApp({ graph, config: message.server, logger: silentLogger }));
  return {
    url: server.url,
    async close() {
      await server.close();
      await graph.close();
    },
  };
});
