// Helpers for tests that need the real test Neo4j: a Graph on it, an empty or seeded graph, and
// the app listening on a free loopback port.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Graph, openGraph } from '../graph/driver.ts';
import type { LoadReport } from '../graph/load/load-plan.ts';
import { loadSeeds } from '../graph/load/load-seeds.ts';
import { createApp } from '../server/app.ts';
import { DEFAULT_LIMITS, type ServerConfig } from '../server/config.ts';
import { listenOnFreePort, type RunningApp } from '../server/listen.ts';
import { silentLogger } from '../server/logger.ts';
import { testNeo4jConfig } from './neo4j-env.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function openTestGraph(): Graph {
  const config = testNeo4jConfig();
  return openGraph({ ...config, external: !config.managed });
}

/** Removes every node and relationship (the schema stays). */
export async function wipeGraph(graph: Graph): Promise<void> {
  await graph.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
}

/** Nodes per label (the switch marker left out) and relationships per type, as planCounts gives them. */
export async function countsInGraph(graph: Graph) {
  return graph.read(async (tx) => {
    const nodes = await tx.run(
      'MATCH (n) WHERE NOT n:LoadSwitch RETURN labels(n)[0] AS label, count(*) AS count',
    );
    const rels = await tx.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count');
    return {
      nodes: Object.fromEntries(nodes.records.map((r) => [r.get('label'), Number(r.get('count'))])),
      relationships: Object.fromEntries(rels.records.map((r) => [r.get('type'), Number(r.get('count'))])),
    };
  });
}

/** An empty graph with the project's seeds loaded, as `npm start` would leave it. */
export async function resetToProjectSeeds(graph: Graph, root = PROJECT_ROOT): Promise<LoadReport> {
  await wipeGraph(graph);
  return loadSeeds(graph, root);
}

export const TEST_SERVER_CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 0,
  cypher: { timeoutMs: 3_000, maxRows: 1_000, maxQueryLength: 20_000 },
  dataDir: path.join(PROJECT_ROOT, '.cache', 'test-data'),
  // A test file is one client asking hundreds of console questions in a row; the per-client limits
  // are tested on their own (server/http/limits.test.ts, server/faults.int.test.ts).
  limits: {
    ...DEFAULT_LIMITS,
    consoleConcurrentPerClient: 8,
    consoleRatePerMinute: 100_000,
    consoleBurst: 10_000,
  },
};

export type TestServer = RunningApp;

/** The real app on a free port; `staticDir` serves the built client for browser tests. */
export async function startTestServer(
  graph: Graph,
  options: { config?: Partial<ServerConfig>; staticDir?: string } = {},
): Promise<TestServer> {
  const app = createApp({
    graph,
    config: { ...TEST_SERVER_CONFIG, ...options.config },
    logger: silentLogger,
    staticDir: options.staticDir,
  });
  return listenOnFreePort(app);
}

/**
 * For a test file that reads the API over the project's seeds: before its tests, the graph is reset
 * to the seeds and the app started on a free port; after them, both are closed. Read `url` and
 * `graph` inside the tests, once the setup has run.
 */
export function useSeededApp(): { readonly url: string; readonly graph: Graph } {
  let graph: Graph | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    graph = openTestGraph();
    await resetToProjectSeeds(graph);
    server = await startTestServer(graph);
  });
  afterAll(async () => {
    await server?.close();
    await graph?.close();
  });
  return {
    get url() {
      return setUp(server, 'useSeededApp').url;
    },
    get graph() {
      return setUp(graph, 'useSeededApp');
    },
  };
}

/**
 * A test Graph on a graph of one person (`person:a`), made afresh before each test and wiped after
 * the file's tests. Read `graph` inside the tests, once the setup has run.
 */
export function useOnePersonGraph(): { readonly graph: Graph } {
  let graph: Graph | undefined;
  beforeAll(() => {
    graph = openTestGraph();
  });
  beforeEach(async () => {
    const opened = setUp(graph, 'useOnePersonGraph');
    await wipeGraph(opened);
    await opened.write((tx) => tx.run("CREATE (:Person {id: 'person:a', name: 'A'})"));
  });
  afterAll(async () => {
    if (!graph) return;
    await wipeGraph(graph);
    await graph.close();
  });
  return {
    get graph() {
      return setUp(graph, 'useOnePersonGraph');
    },
  };
}

/** What a file's `beforeAll` set up; reading it before then (at import time) is a mistake in the test. */
export function setUp<T>(value: T | undefined, by: string): T {
  if (value === undefined) throw new Error(`${by}: read what it sets up inside a test, after beforeAll`);
  return value;
}
