import { performance } from 'node:perf_hooks';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../driver.ts';
import { fromNeo4jError, neo4jCode } from '../errors.ts';
import type { GraphPlan } from '../seed/plan.ts';
import { NODE_LABELS, type NodeLabel, type RelationshipType } from '../seed/schema.ts';
import { BEGIN_SWITCH, END_SWITCH } from '../switch-guard.ts';
import { approximateBytes, assertLabel, assertType, chunksByBytes, groupBy, inFlight } from './batches.ts';
import { explainLimit } from './limit-error.ts';

/**
 * A large load is written as a new generation beside the served graph, in many small
 * transactions, and switched in by one transaction that only moves labels:
 *
 * - staged nodes carry `Staged<Label>` instead of their domain label, so no read (every read
 *   starts from a domain label, an id under a unique constraint or the full-text index, all of
 *   which are per label) can reach them, and staged relationships join staged nodes only;
 * - the switch retires the served nodes (domain label → `Retired`) and promotes the staged ones
 *   (`Staged<Label>` → domain label) in one transaction, so readers see the old graph or the new
 *   one, never a mixture;
 * - retired nodes are then deleted in batches; a failure before the switch deletes the staged
 *   nodes instead, and the served graph was never touched.
 */
export const RETIRED = 'Retired';
export const stagedLabel = (label: NodeLabel) => `Staged${label}` as const;
export const DEFAULT_IN_FLIGHT = 2;
const LEFTOVER_LABELS = [RETIRED, ...NODE_LABELS.map(stagedLabel)].join('|');

export interface GenerationOptions {
  nodeBatch: number;
  relationshipBatch: number;
  /** Most bytes of properties in one staging transaction. */
  batchBytes: number;
  /**
   * Staging transactions sent at a time. With two, the next batch is packed and encoded for Bolt
   * (a quarter to a third of the staging time, measured) while Neo4j writes the one before. Node
   * batches are independent CREATEs; relationship batches may share end nodes, so two can wait on
   * each other's locks, and Neo4j reports a deadlock as a transient error, which the managed
   * transaction retries (none was seen in the bench runs). On a 2-core machine where Neo4j already keeps both cores busy the gain was within
   * the noise of one at a time; it is there to take when Neo4j has cores to spare.
   */
  inFlight?: number;
  /** Time limit of the switch transaction; see switchTimeout. */
  switchTimeoutMs?: number;
  progress: (n: number, step: string) => void;
}

export interface GenerationTimings {
  stageMs: number;
  /** Of stageMs: staging the nodes, then the relationships. */
  stageNodesMs: number;
  stageRelationshipsMs: number;
  /** Of stageMs: the JavaScript thread busy (packing rows, encoding them for Bolt); the rest is waiting on Neo4j. */
  stageJsMs: number;
  switchMs: number;
  retireMs: number;
}

/** Deletes a staged or retired generation, in batches of its own transactions. */
export async function cleanupGenerations(graph: Graph): Promise<number> {
  const session = graph.driver.session({ database: graph.database });
  try {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction, which the managed helpers are not.
    const result = await session.run(
      `MATCH (n:${LEFTOVER_LABELS}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS RETURN count(*) AS deleted`,
    );
    return Number(result.records[0]?.get('deleted') ?? 0);
  } catch (error) {
    throw neo4jCode(error) === undefined ? error : fromNeo4jError(error);
  } finally {
    await session.close();
  }
}

const stageNodes = (label: NodeLabel) => `
UNWIND $rows AS row
CREATE (n:${stagedLabel(label)}) SET n = row
RETURN n.id AS id, elementId(n) AS elementId`;

// Ends are found by element id, which the node stage returned: no index on staged labels needed.
const stageRelationships = (type: RelationshipType) => `
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
CREATE (a)-[r:${type}]->(b) SET r = row.properties
RETURN count(r) AS written`;

const retire = (label: NodeLabel) => `
MATCH (n:${label}) SET n:${RETIRED} REMOVE n:${label} RETURN count(n) AS moved`;
const promote = (label: NodeLabel) => `
MATCH (n:${stagedLabel(label)}) SET n:${label} REMOVE n:${stagedLabel(label)} RETURN count(n) AS moved`;

/**
 * The switch moves the label of every served and every staged node in one transaction, so its
 * time grows with the graph and a million-relationship load (about 370,000 nodes) outlasts the app
 * instance's 30 s default. The transaction therefore asks for its own limit, which (per the
 * neo4j-driver documentation) Neo4j honours above the server's default from 5.3 on, where 4.2–5.2
 * silently fell back to the default: 10 minutes, or 10 ms per node for larger graphs. Measured on
 * 5.26: the switch of 367,317 nodes took 211 s on a busy 2-core machine and committed. Reads wait
 * while it is applied (see switch-guard.ts) and answer 503 after 30 s.
 */
export function switchTimeout(nodes: number): number {
  return Math.max(600_000, nodes * 10);
}

/** Writes the whole plan as a new generation and switches it in; see the note above. */
export async function loadGeneration(
  graph: Graph,
  plan: GraphPlan,
  options: GenerationOptions,
): Promise<GenerationTimings> {
  const { progress } = options;
  let started = performance.now();
  const elementIds = new Map<string, string>();
  const planned = new Map<NodeLabel, number>();
  const depth = options.inFlight ?? DEFAULT_IN_FLIGHT;
  // How busy the JavaScript thread was while staging (packing rows and encoding them for Bolt);
  // the rest of the time it waited on Neo4j.
  const busyBefore = performance.eventLoopUtilization();
  let stageNodesMs = 0;
  try {
    const nodeBatches = function* () {
      for (const [label, nodes] of groupBy(plan.nodes, (n) => n.label)) {
        assertLabel(label);
        planned.set(label, nodes.length);
        for (const batch of chunksByBytes(nodes, options.nodeBatch, options.batchBytes)) {
          yield async () => {
            const rows = batch.map((n) => n.properties);
            const result = await write(graph, { step: `staging ${label} nodes`, rows: batch }, (tx) =>
              tx.run(stageNodes(label), { rows }),
            );
            for (const record of result.records) elementIds.set(record.get('id'), record.get('elementId'));
            progress(batch.length, `staged ${label}`);
          };
        }
      }
    };
    await inFlight(nodeBatches(), depth);
    stageNodesMs = performance.now() - started;
    const relationshipBatches = function* () {
      for (const [type, relationships] of groupBy(plan.relationships, (r) => r.type)) {
        assertType(type);
        for (const batch of chunksByBytes(relationships, options.relationshipBatch, options.batchBytes)) {
          yield async () => {
            const rows = batch.map((r) => ({
              a: elementIds.get(r.source) ?? null,
              b: elementIds.get(r.target) ?? null,
              properties: r.properties,
            }));
            const result = await write(graph, { step: `staging ${type} relationships`, rows: batch }, (tx) =>
              tx.run(stageRelationships(type), { rows }),
            );
            const written = Number(result.records[0]?.get('written') ?? 0);
            if (written !== batch.length) {
              const missing = batch.find((r) => !elementIds.has(r.source) || !elementIds.has(r.target));
              throw new Error(
                `Only ${written} of ${batch.length} ${type} relationships found both their ends` +
                  (missing ? ` (${missing.id} joins a node the plan does not have)` : ''),
              );
            }
            progress(batch.length, `staged ${type}`);
          };
        }
      }
    };
    await inFlight(relationshipBatches(), depth);
  } catch (error) {
    await cleanupGenerations(graph);
    throw error;
  }
  const stageMs = performance.now() - started;
  const stageRelationshipsMs = stageMs - stageNodesMs;
  const stageJsMs = performance.eventLoopUtilization(busyBefore).active;

  started = performance.now();
  const timeoutMs = options.switchTimeoutMs ?? switchTimeout(plan.nodes.length);
  // Readers hold off while the switch is applied (see switch-guard.ts).
  await graph.write((tx) => tx.run(BEGIN_SWITCH, { timeoutMs: neo4j.int(timeoutMs) }));
  let switched = false;
  try {
    await graph.write(
      async (tx) => {
        for (const label of NODE_LABELS) await tx.run(retire(label));
        for (const label of NODE_LABELS) {
          const moved = Number((await tx.run(promote(label))).records[0]?.get('moved') ?? 0);
          // Anything but the planned count means another load interfered: roll the switch back.
          if (moved !== (planned.get(label) ?? 0)) {
            throw new Error(
              `The switch found ${moved} staged ${label} nodes, expected ${planned.get(label) ?? 0}`,
            );
          }
        }
      },
      { timeoutMs },
    );
    switched = true;
  } catch (error) {
    await graph.write((tx) => tx.run(END_SWITCH, { switched }));
    await cleanupGenerations(graph);
    throw explainLimit(error, {
      step: 'switching in the new generation',
      items: plan.nodes.length,
      bytes: 0,
    });
  }
  await graph.write((tx) => tx.run(END_SWITCH, { switched }));
  const switchMs = performance.now() - started;
  progress(0, 'switched');

  started = performance.now();
  await cleanupGenerations(graph);
  return {
    stageMs,
    stageNodesMs,
    stageRelationshipsMs,
    stageJsMs,
    switchMs,
    retireMs: performance.now() - started,
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
