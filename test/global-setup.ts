// Vitest globalSetup for the integration and e2e projects: gives the tests a Neo4j to talk to.
// Unless NEO4J_URI names an external test database, it builds the launcher if needed, then wipes and
// starts the local `test` instance (port 7688, .neo4j/test/); the `dev` instance is never touched.
import type { TestProject } from 'vitest/node';
import {
  boltUri,
  ensureLauncherBuilt,
  localPassword,
  NEO4J_LOCAL_USER,
  startInstance,
  stopInstance,
  TEST_INSTANCE,
  wipeInstance,
} from '../scripts/neo4j/instance.ts';
import type { TestNeo4jConfig } from './neo4j-env.ts';

// Each project runs this setup in the same main process. The first one starts the instance; the
// others reuse it, and the last teardown stops it. Kept on globalThis because each project may load
// its own copy of this module.
const STATE_KEY = Symbol.for('accountability-graph.test-neo4j');
type SharedState = { users: number; config: TestNeo4jConfig };
type StateHolder = { [STATE_KEY]?: SharedState };
const holder = globalThis as StateHolder;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = holder[STATE_KEY] ?? { users: 0, config: await prepare() };
  holder[STATE_KEY] = shared;
  shared.users += 1;
  expose(project, shared.config);

  return async () => {
    shared.users -= 1;
    if (shared.users > 0 || !shared.config.managed) {
      return;
    }
    delete holder[STATE_KEY];
    const stopped = await stopInstance(TEST_INSTANCE.name);
    console.log(`[global-setup] test Neo4j ${stopped.status}`);
  };
}

async function prepare(): Promise<TestNeo4jConfig> {
  const externalUri = process.env.NEO4J_URI;
  if (externalUri) {
    console.log('[global-setup] NEO4J_URI is set: tests use that external Neo4j, nothing is started');
    return {
      uri: externalUri,
      username: process.env.NEO4J_USERNAME || NEO4J_LOCAL_USER,
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE || 'neo4j',
      managed: false,
    };
  }

  const build = await ensureLauncherBuilt();
  if (build.built) {
    console.log(`[global-setup] built the Neo4j launcher in ${(build.durationMs / 1000).toFixed(1)} s`);
  }
  // A run that was interrupted may have left the instance running; every run starts from empty data.
  await stopInstance(TEST_INSTANCE.name);
  await wipeInstance(TEST_INSTANCE.name);
  const password = localPassword();
  const started = await startInstance({ ...TEST_INSTANCE, password, timeoutMs: 150_000 });
  console.log(
    `[global-setup] test Neo4j ready at ${started.uri} in ${(started.durationMs / 1000).toFixed(1)} s`,
  );
  return {
    uri: boltUri(TEST_INSTANCE.boltPort),
    username: NEO4J_LOCAL_USER,
    password,
    database: 'neo4j',
    managed: true,
  };
}

function expose(project: TestProject, config: TestNeo4jConfig): void {
  process.env.NEO4J_URI = config.uri;
  process.env.NEO4J_USERNAME = config.username;
  process.env.NEO4J_PASSWORD = config.password;
  process.env.NEO4J_DATABASE = config.database;
  project.provide('testNeo4j', config);
}
