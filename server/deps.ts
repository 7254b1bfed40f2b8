import type { Graph } from '../graph/driver.ts';
import type { ServerConfig } from './config.ts';
import type { Logger } from './logger.ts';

/** What every router factory is given; built by the entry point or by a test. */
export interface AppDeps {
  graph: Graph;
  config: ServerConfig;
  logger: Logger;
}
