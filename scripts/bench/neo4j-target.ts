/**
 * The Neo4j the benchmarks run on: a dedicated local instance named `bench` (port 7691, wiped at
 * start, stopped at the end) so the `dev` and `test` data are never touched, or the database named
 * by NEO4J_URI, which is only used when the caller allows it to be wiped.
 */

import path from 'node:path';
import { type Neo4jConfig, neo4jConfigFromEnv } from '../../graph/config.ts';
import { type Graph, openGraph } from '../../graph/driver.ts';
import {
  boltUri,
  instanceDir,
  localPassword,
  NEO4J_LOCAL_USER,
  startInstance,
  stopInstance,
  wipeInstance,
} from '../neo4j/instance.ts';

export const BENCH_INSTANCE = { name: 'bench', boltPort: 7691 } as const;

export interface BenchTarget {
  graph: Graph;
  /** How `graph` was opened, for a process of its own (the app in api-scale) to connect the same way. */
  config: Neo4jConfig;
  /** 'local' for the bench instance this run started, 'external' for NEO4J_URI. */
  kind: 'local' | 'external';
  uri: string;
  /** Where LOAD CSV may read files on this target; only the bench instance allows it. */
  importDir?: string;
  neo4jVersion: string;
  neo4jEdition: string;
  /** Neo4j's process, for the bench instance this run started. */
  pid?: number;
  /** Closes the driver and stops the bench instance; safe to call more than once. */
  release(): Promise<void>;
}

export type Say = (message: string) => void;

/** A refusal or misconfiguration the user can fix; printed without a stack trace. */
export class BenchSetupError extends Error {
  override readonly name = 'BenchSetupError';
}

/**
 * Opens the target. The bench instance's transaction timeout is generous, because the scale
 * suite writes tens of thousands of items in one transaction on purpose.
 */
export async function openBenchTarget(options: { allowWipe: boolean; say: Say }): Promise<BenchTarget> {
  const { allowWipe, say } = options;
  if (process.env.NEO4J_URI) {
    const config = neo4jConfigFromEnv();
    if (!allowWipe) {
      throw new BenchSetupError(
        `NEO4J_URI is set (${config.uri}): the benchmarks delete every node there again and again. Pass --allow-wipe if that database may be emptied, or unset NEO4J_URI to use a dedicated local instance.`,
      );
    }
    say(`Using the external Neo4j at ${config.uri} (--allow-wipe: its data will be deleted).`);
    // An external Neo4j on this machine may name its process, so api-scale can report its CPU.
    const pid = Number(process.env.NEO4J_PID) || undefined;
    return { ...(await connect(config, 'external', async () => {})), ...(pid ? { pid } : {}) };
  }

  let stopped: Promise<unknown> | null = null;
  const stop = () => {
    stopped ??= stopInstance(BENCH_INSTANCE.name);
    return stopped;
  };
  // A run killed hard may have left the bench instance behind; it is ours, so stop and wipe it.
  await stopInstance(BENCH_INSTANCE.name);
  await wipeInstance(BENCH_INSTANCE.name);
  say(`Starting a fresh Neo4j instance '${BENCH_INSTANCE.name}' on ${boltUri(BENCH_INSTANCE.boltPort)}…`);
  // The bench instance alone may read CSV files, from its own import folder, so that the loader can
  // be measured beside LOAD CSV; the launcher reads this from its environment.
  const importDir = path.join(instanceDir(BENCH_INSTANCE.name), 'import');
  process.env.NEO4J_LAUNCHER_IMPORT_DIR = importDir;
  let started: Awaited<ReturnType<typeof startInstance>>;
  try {
    started = await startInstance({
      ...BENCH_INSTANCE,
      password: localPassword(),
      transactionTimeout: '15m',
      timeoutMs: 180_000,
    });
  } finally {
    delete process.env.NEO4J_LAUNCHER_IMPORT_DIR;
  }
  say(
    `Neo4j '${BENCH_INSTANCE.name}' ready in ${(started.durationMs / 1000).toFixed(1)} s (pid ${started.pid}).`,
  );
  const config: Neo4jConfig = {
    uri: started.uri,
    username: NEO4J_LOCAL_USER,
    password: localPassword(),
    database: 'neo4j',
    external: false,
  };
  try {
    return { ...(await connect(config, 'local', stop)), importDir, pid: started.pid };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function connect(
  config: Neo4jConfig,
  kind: BenchTarget['kind'],
  stop: () => Promise<unknown>,
): Promise<BenchTarget> {
  const graph = openGraph(config);
  let released: Promise<void> | null = null;
  const release = () => {
    released ??= (async () => {
      await graph.close().catch(() => {});
      await stop();
    })();
    return released;
  };
  try {
    const { version, edition } = await graph.verify();
    return { graph, config, kind, uri: config.uri, neo4jVersion: version, neo4jEdition: edition, release };
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * Deletes every node and relationship (constraints and indexes stay), in batches so a large
 * synthetic graph does not need one huge transaction.
 */
export async function wipeData(graph: Graph): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    // Relationships first, then the bare nodes: 5,000 nodes detached at once took every relationship
    // of a hub with them and ran past the transaction memory pool on the million-relationship graph.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}
