/**
 * The server's entry point: the only place that reads the environment, opens the driver and listens.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openGraph } from '../graph/driver.ts';
import { createApp } from './app.ts';
import { configFromEnv, DEFAULT_SHUTDOWN_TIMEOUT_MS } from './config.ts';
import { closeGracefully } from './listen.ts';
import { consoleLogger as logger } from './logger.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const config = configFromEnv();
  const graph = openGraph(config.neo4j);
  try {
    const { version, edition } = await graph.verify();
    logger.info(`Neo4j ${version} (${edition}) at ${config.neo4j.uri}`);
  } catch (error) {
    // The app still starts: it answers 503 until the database is reachable, then recovers by itself.
    logger.warn(`Neo4j is not reachable at ${config.neo4j.uri} yet: ${(error as Error).message}`);
  }
  const app = createApp({
    graph,
    config: config.server,
    logger,
    staticDir: path.join(root, 'dist', 'client'),
    warmOpening: true,
  });
  const server = app.listen(config.server.port, config.server.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.server.port;
    logger.info(`accountability-graph is serving http://${config.server.host}:${port}/`, {
      host: config.server.host,
      port,
      writeToken: Boolean(config.server.access?.writeToken),
      readToken: Boolean(config.server.access?.readToken),
    });
  });

  const timeoutMs = config.server.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down: no new connections, finishing requests in flight', { signal, timeoutMs });
    // A last resort, should closing the driver itself hang.
    setTimeout(() => {
      logger.error('shutdown overran its bound; exiting');
      process.exit(1);
    }, timeoutMs + 5_000).unref();
    const outcome = await closeGracefully(server, timeoutMs);
    await graph.close().catch((error: unknown) => logger.error('closing the Neo4j driver failed', error));
    logger.info('stopped', { outcome });
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));
}

await main();
