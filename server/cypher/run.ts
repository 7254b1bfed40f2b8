import neo4j, { type Record as Neo4jRecord, type Transaction } from 'neo4j-driver';
import type { CypherResponse } from '../../graph/contract/api.ts';
import { ElementsCollector, toPlain } from '../../graph/contract/record-mapper.ts';
import type { Graph } from '../../graph/driver.ts';
import { consoleError } from './console-error.ts';
import { guardQuery, toDriverParams } from './guard.ts';

export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
  maxQueryLength: number;
}

/**
 * Runs a query that passed the guard, in an explicit read transaction that is always rolled
 * back: even a write the plan check missed cannot persist. The transaction timeout ends runaway
 * queries on the server; the row cap stops the stream early and discards the rest.
 */
export async function runReadOnly(
  graph: Graph,
  query: string,
  params: Record<string, unknown>,
  limits: Pick<ConsoleLimits, 'timeoutMs' | 'maxRows'>,
): Promise<CypherResponse> {
  const session = graph.driver.session({
    database: graph.database,
    defaultAccessMode: neo4j.session.READ,
    // One row past the cap is enough to know the result was truncated.
    fetchSize: Math.min(limits.maxRows + 1, 1000),
  });
  let tx: Transaction | undefined;
  try {
    tx = await session.beginTransaction({
      timeout: limits.timeoutMs,
      metadata: { app: 'cypher-console', step: 'run' },
    });
    const result = tx.run(query, params);
    const records: Neo4jRecord[] = [];
    let truncated = false;
    for await (const record of result) {
      if (records.length === limits.maxRows) {
        truncated = true;
        // Leaving the loop tells the server to discard the rest of the stream.
        break;
      }
      records.push(record);
    }
    const summary = await result.summary();
    const columns = (await result.keys()).map(String);

    const collector = new ElementsCollector();
    for (const record of records) collector.add(record);
    const nodeIds = collector.nodeIds();
    return {
      columns,
      rows: records.map((record) => columns.map((column) => toPlain(record.get(column), nodeIds))),
      elements: collector.elements(),
      summary: {
        rows: records.length,
        truncated,
        resultAvailableAfterMs: Number(toPlain(summary.resultAvailableAfter)) || 0,
      },
    };
  } catch (error) {
    throw consoleError(error);
  } finally {
    await tx?.rollback().catch(() => undefined);
    await session.close();
  }
}

/** The console end to end: the checks, then the run. */
export async function runConsoleQuery(
  graph: Graph,
  request: { query: string; params?: Record<string, unknown> | undefined },
  limits: ConsoleLimits,
): Promise<CypherResponse> {
  await guardQuery(graph, request.query, request.params, limits);
  return runReadOnly(graph, request.query, toDriverParams(request.params), limits);
}
