import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import type { Graph } from '../driver.ts';
import { fromNeo4jError, neo4jCode } from '../errors.ts';
import type { GraphPlan } from '../seed/plan.ts';
import { NODE_LABELS, type NodeLabel } from '../seed/schema.ts';
import { BEGIN_SWITCH, END_SWITCH, waitOutReadLeases } from '../switch-guard.ts';
import { explainLimit } from './limit-error.ts';
import { type BatchOptions, writeInBatches } from './write-batches.ts';

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

export interface GenerationOptions extends Omit<BatchOptions, 'inFlight'> {
  /** Staging transactions sent at a time (see BatchOptions.inFlight). */
  inFlight?: number;
  /** Time limit of the switch transaction; see switchTimeout. */
  switchTimeoutMs?: number;
}

export interface GenerationTimings {
  stageMs: number;
  /** Of stageMs: staging the nodes, then the relationships. */
  stageNodesMs: number;
  stageRelationshipsMs: number;
  /** Of stageMs: the JavaScript thread busy (packing rows, encoding them for Bolt); the rest is waiting on Neo4j. */
  stageJsMs: number;
  /** A first load only: dropping the constraints and indexes, and building them over the loaded graph (first-load.ts). */
  indexesMs?: number;
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
  let staged: Awaited<ReturnType<typeof writeInBatches>>;
  try {
    staged = await writeInBatches(graph, plan, stagedLabel, {
      ...options,
      inFlight: options.inFlight ?? DEFAULT_IN_FLIGHT,
    });
  } catch (error) {
    await cleanupGenerations(graph);
    throw error;
  }
  const stageMs = performance.now() - started;
  const planned = staged.written;

  started = performance.now();
  const timeoutMs = options.switchTimeoutMs ?? switchTimeout(plan.nodes.length);
  // Readers hold off while the switch is applied; a reader's lease, granted before this mark, runs
  // out before the grace does (see switch-guard.ts, 4.).
  await graph.write((tx) => tx.run(BEGIN_SWITCH, { timeoutMs: neo4j.int(timeoutMs) }));
  await waitOutReadLeases();
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
    stageNodesMs: staged.nodesMs,
    stageRelationshipsMs: staged.relationshipsMs,
    stageJsMs: staged.jsMs,
    switchMs,
    retireMs: performance.now() - started,
  };
}
