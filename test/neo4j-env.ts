// How tests reach the Neo4j that test/global-setup.ts prepared. Global setup runs in Vitest's main
// process, so the connection is handed over with provide/inject, which works for every pool; the
// NEO4J_* variables it also sets are a convenience for code that reads process.env.
import { inject } from 'vitest';
import { z } from 'zod';
import { startInstance, stopInstance, TEST_INSTANCE } from '../scripts/neo4j/instance.ts';

export const TestNeo4jConfigSchema = z.object({
  uri: z.string().min(1),
  username: z.string().min(1),
  password: z.string(),
  database: z.string().min(1),
  // false when NEO4J_URI pointed at an external database: it is neither wiped, stopped nor restarted.
  managed: z.boolean(),
});
export type TestNeo4jConfig = z.infer<typeof TestNeo4jConfigSchema>;

export const TEST_NEO4J_KEY = 'testNeo4j';

declare module 'vitest' {
  export interface ProvidedContext {
    testNeo4j: TestNeo4jConfig;
  }
}

/** The test database's connection settings. Only callable inside tests of a project with the global setup. */
export function testNeo4jConfig(): TestNeo4jConfig {
  const parsed = TestNeo4jConfigSchema.safeParse(inject(TEST_NEO4J_KEY));
  if (!parsed.success) {
    throw new Error(
      'No test Neo4j was provided: run this test in the integration or e2e project, whose globalSetup is test/global-setup.ts',
    );
  }
  return parsed.data;
}

/** True when the tests may stop and restart the database (a local instance, not an external one). */
export function canControlTestNeo4j(): boolean {
  return testNeo4jConfig().managed;
}

/** Stops the local test instance (for tests of behaviour while Neo4j is down). Its data is kept. */
export async function stopTestNeo4j(): Promise<void> {
  assertManaged('stop');
  await stopInstance(TEST_INSTANCE.name);
}

/** Starts the local test instance again on the same port and data, resolving once Bolt answers. */
export async function restartTestNeo4j({ timeoutMs = 120_000 }: { timeoutMs?: number } = {}): Promise<void> {
  const config = assertManaged('restart');
  await startInstance({ ...TEST_INSTANCE, password: config.password, timeoutMs });
}

function assertManaged(action: string): TestNeo4jConfig {
  const config = testNeo4jConfig();
  if (!config.managed) {
    throw new Error(
      `Cannot ${action} an external test Neo4j (NEO4J_URI was set); skip this test with canControlTestNeo4j()`,
    );
  }
  return config;
}
