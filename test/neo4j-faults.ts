// For fault tests: kill the local test Neo4j as a crash would (SIGKILL, no clean shutdown).
import { stopInstance, TEST_INSTANCE } from '../scripts/neo4j/instance.ts';
import { canControlTestNeo4j } from './neo4j-env.ts';

export async function killTestNeo4j(): Promise<'killed' | 'stopped' | 'not-running'> {
  if (!canControlTestNeo4j()) throw new Error('Cannot kill an external test Neo4j (NEO4J_URI was set)');
  return (await stopInstance(TEST_INSTANCE.name, { kill: true })).status;
}
