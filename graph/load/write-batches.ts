import { performance } from 'node:perf_hooks';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../driver.ts';
import type { GraphPlan } from '../seed/plan.ts';
import type { NodeLabel, RelationshipType } from '../seed/schema.ts';
import {
  approximateBytes,
  assertLabel,
  assertType,
  chunksByBytes,
  columns,
  groupBy,
  inFlight,
  propertyKeys,
  setters,
} from './batches.ts';
import { explainLimit } from './limit-error.ts';

export interface BatchOptions {
  nodeBatch: number;
  relationshipBatch: number;
  /** Most bytes of properties in one transaction. */
  batchBytes: number;
  /**
   * Transactions sent at a time. With two, the next batch is packed and encoded for Bolt (a quarter
   * to a third of the writing time, measured) while Neo4j writes the one before. Node batches are
   * independent CREATEs; relationship batches may share end nodes, so two can wait on each other's
   * locks, and Neo4j reports a deadlock as a transient error, which the managed transaction retries
   * (none was seen in the bench runs).
   */
  inFlight: number;
  progress: (n: number, step: string) => void;
}

export interface BatchTimings {
  /** Writing the nodes, then the relationships. */
  nodesMs: number;
  relationshipsMs: number;
  /** The JavaScript thread busy (packing rows, encoding them for Bolt); the rest is waiting on Neo4j. */
  jsMs: number;
}

// Properties are set one by one, not as a map (`SET n = row`), which Cypher plans with an Eager
// step that holds the whole batch before writing on; keys are checked identifiers (batches.ts).
const createNodes = (label: string, keys: readonly string[]) => `
UNWIND range(0, $count - 1) AS i
CREATE (n:${label}) SET ${setters('n', keys)}
RETURN i, elementId(n) AS elementId`;

// Ends are found by the element ids the node batches returned: no index on the written labels needed.
const createRelationships = (type: RelationshipType, keys: readonly string[]) => `
UNWIND range(0, $count - 1) AS i
MATCH (a) WHERE elementId(a) = $a[i]
MATCH (b) WHERE elementId(b) = $b[i]
CREATE (a)-[r:${type}]->(b) SET ${setters('r', keys)}
RETURN count(r) AS written`;

/**
 * Writes every node of the plan under the label `labelFor` gives it, then every relationship, in
 * batches of their own transactions. A failed batch stops new ones and is thrown once the running
 * ones are done; what was written stays, for the caller to remove. Returns the nodes written per
 * plan label, so a caller can check a later step against them.
 */
export async function writeInBatches(
  graph: Graph,
  plan: GraphPlan,
  labelFor: (label: NodeLabel) => string,
  options: BatchOptions,
): Promise<BatchTimings & { written: Map<NodeLabel, number> }> {
  const { progress } = options;
  const started = performance.now();
  const busyBefore = performance.eventLoopUtilization();
  const elementIds = new Map<string, string>();
  const written = new Map<NodeLabel, number>();

  const nodeBatches = function* () {
    for (const [label, nodes] of groupBy(plan.nodes, (n) => n.label)) {
      assertLabel(label);
      written.set(label, nodes.length);
      for (const batch of chunksByBytes(nodes, options.nodeBatch, options.batchBytes)) {
        yield async () => {
          const rows = batch.map((n) => n.properties);
          const keys = propertyKeys(rows);
          const params = { count: batch.length, ...columns(rows, keys) };
          const result = await write(graph, { step: `writing ${label} nodes`, rows: batch }, (tx) =>
            tx.run(createNodes(labelFor(label), keys), params),
          );
          for (const record of result.records) {
            const node = batch[record.get('i') as number];
            if (node) elementIds.set(node.id, record.get('elementId'));
          }
          progress(batch.length, `wrote ${label}`);
        };
      }
    }
  };
  await inFlight(nodeBatches(), options.inFlight);
  const nodesMs = performance.now() - started;

  const relationshipBatches = function* () {
    for (const [type, relationships] of groupBy(plan.relationships, (r) => r.type)) {
      assertType(type);
      for (const batch of chunksByBytes(relationships, options.relationshipBatch, options.batchBytes)) {
        yield async () => {
          const rows = batch.map((r) => r.properties);
          const keys = propertyKeys(rows);
          const params = {
            count: batch.length,
            a: batch.map((r) => elementIds.get(r.source) ?? null),
            b: batch.map((r) => elementIds.get(r.target) ?? null),
            ...columns(rows, keys),
          };
          const result = await write(graph, { step: `writing ${type} relationships`, rows: batch }, (tx) =>
            tx.run(createRelationships(type, keys), params),
          );
          const count = Number(result.records[0]?.get('written') ?? 0);
          if (count !== batch.length) {
            const missing = batch.find((r) => !elementIds.has(r.source) || !elementIds.has(r.target));
            throw new Error(
              `Only ${count} of ${batch.length} ${type} relationships found both their ends` +
                (missing ? ` (${missing.id} joins a node the plan does not have)` : ''),
            );
          }
          progress(batch.length, `wrote ${type}`);
        };
      }
    }
  };
  await inFlight(relationshipBatches(), options.inFlight);
  return {
    written,
    nodesMs,
    relationshipsMs: performance.now() - started - nodesMs,
    jsMs: performance.eventLoopUtilization(busyBefore).active,
  };
}

async function write<T>(
  graph: Graph,
  what: { step: string; rows: readonly { properties: Record<string, unknown> }[] },
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  try {
    return await graph.write(work);
  } catch (error) {
    throw explainLimit(error, {
      step: what.step,
      items: what.rows.length,
      bytes: approximateBytes(what.rows),
    });
  }
}
