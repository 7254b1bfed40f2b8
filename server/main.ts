/**
 * The server's entry point: the only place that reads the environment, opens the driver and listens.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openGraph } from '../graph/driver.ts';
import { createApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { consoleLogger } from './logger.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const config = configFromEnv();
  const graph = openGraph(config.neo4j);
  try {
    const { version, edition } = await graph.verify();
    consoleLogger.info(`Neo4j ${version} (${edition}) at ${config.neo4j.uri}`);
  } catch (error) {
    // The app still starts: it answers 503 until the database is reachable, then recovers by itself.
    consoleLogger.warn(`Neo4j is not reachable at ${config.neo4j.uri} yet: ${(error as Error).message}`);
  }
  const app = createApp({
    graph,
    config: config.server,
    logger: consoleLogger,
    staticDir: path.join(root, 'dist', 'client'),
  });
  const server = app.listen(config.server.port, config.server.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.server.port;
    consoleLogger.info(`accountability-graph is serving http://${config.server.host}:${port}/`);
  });
  const shutdown = () => {
    server.close();
    void graph.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

await main();
