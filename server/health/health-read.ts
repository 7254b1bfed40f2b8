import type { Health } from '../../graph/contract/api.ts';
import type { Graph } from '../../graph/driver.ts';
import { fromNeo4jError } from '../../graph/errors.ts';
import { HEALTH } from './health-queries.ts';

export interface HealthAnswer {
  status: number;
  body: Health;
}

/**
 * Why the health check failed, as a `degraded` body rather than an error body, so a monitor reads
 * one shape either way. The status is the error's own: 503 while the database is unreachable.
 */
export function degradedHealth(error: unknown): HealthAnswer {
  const { code, message, details, status } = fromNeo4jError(error);
  return {
    status,
    body: { status: 'degraded', neo4j: { status: 'down' }, error: { code, message, details } },
  };
}

/** 200 with Neo4j's version and the graph's size while Neo4j answers; `degraded` while it does not. */
export async function checkHealth(graph: Graph): Promise<HealthAnswer> {
  try {
    const record = await graph.read(async (tx) => (await tx.run(HEALTH)).records[0]);
    return {
      status: 200,
      body: {
        status: 'ok',
        neo4j: {
          status: 'up',
          version: String(record?.get('version')),
          edition: String(record?.get('edition')),
        },
        graph: {
          nodes: Number(record?.get('nodes') ?? 0),
          relationships: Number(record?.get('relationships') ?? 0),
        },
      },
    };
  } catch (error) {
    return degradedHealth(error);
  }
}
