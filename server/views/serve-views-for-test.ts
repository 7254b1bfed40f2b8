// A child process for the torn-write test: the real app (saved views only, no database) on a free
// loopback port, over the data folder given as argv[2]. Prints its URL, then serves until killed.
import type { Graph } from '../../graph/driver.ts';
import { createApp } from '../app.ts';
import { listenOnFreePort } from '../listen.ts';
import { silentLogger } from '../logger.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: serve-views-for-test.ts <data dir>');
const noGraph = new Proxy({} as Graph, {
  get: (_target, prop) => {
    throw new Error(`saved views touched the graph (${String(prop)})`);
  },
});
const app = createApp({
  graph: noGraph,
  config: {
    host: '127.0.0.1',
    port: 0,
    cypher: { timeoutMs: 1000, maxRows: 10, maxQueryLength: 1000 },
    dataDir,
  },
  logger: silentLogger,
});
const running = await listenOnFreePort(app);
process.stdout.write(`${running.url}\n`);
