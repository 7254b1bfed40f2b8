import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import type { Graph } from '../driver.ts';
import { AppError, fromNeo4jError, neo4jCode } from '../errors.ts';
import type { GraphPlan } from '../seed/plan.ts';
import {
  BEGIN_FIRST_LOAD,
  END_FIRST_LOAD,
  type FirstLoad,
  RENEW_FIRST_LOAD,
  readSwitch,
  SWITCH_LABEL,
  waitOutReadLeases,
} from '../switch-guard.ts';
import { applySchema, dropSchema } from './apply-schema.ts';
import { DEFAULT_IN_FLIGHT, type GenerationOptions, type GenerationTimings } from './generation.ts';
import { writeInBatches } from './write-batches.ts';

/**
 * A large load into an empty graph writes straight under the domain labels: there is no served
 * graph to keep beside it, so the generation's extra work (staged labels, then one transaction
 * moving every node's labels, 211 s of a million-relationship load) buys nothing. The guarantee is
 * kept by the switch marker instead (see switch-guard.ts): it says `firstLoad` from before the first
 * batch to after the last, and readers refuse while it does. A load that fails removes everything
 * it wrote, so the empty graph it started from is what remains; a killed one leaves the marker set,
 * and the next load removes its part-written graph first (removePartialFirstLoad).
 *
 * The constraints and indexes are dropped for the writing and built once at the end (dropSchema,
 * applySchema): no one reads the graph before then, and the batches find relationship ends by
 * element id, not through an index. Building each index over the loaded graph is far cheaper than
 * updating it in every batch (the full-text index holds every document's text). A unique constraint
 * that the data breaks fails the build, and so the load; whatever ends a first load, the schema is
 * back in place when it returns.
 */

/** The longest the indexes may take to build over a first load before it counts as failed. */
const INDEX_BUILD_SECONDS = 3_600;

/** How long the marker's lease lasts without renewal, and how often the running load renews it. */
export const FIRST_LOAD_LEASE_MS = 120_000;
const RENEW_EVERY_MS = 20_000;

export async function firstLoadState(graph: Graph): Promise<FirstLoad | undefined> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    return (await session.executeRead((tx) => readSwitch(tx))).firstLoad;
  } catch (error) {
    throw neo4jCode(error) === undefined ? error : fromNeo4jError(error);
  } finally {
    await session.close();
  }
}

/** Deletes every relationship and every node but the marker: only for a graph that was empty. */
async function removeEverythingLoaded(graph: Graph): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    // Relationships first, so no transaction holds a node's whole neighbourhood (a hub's DETACH
    // DELETE can outgrow the transaction memory limit); CALL … IN TRANSACTIONS needs auto-commit.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run(
      `MATCH (n) WHERE NOT n:${SWITCH_LABEL} CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
    );
  } catch (error) {
    throw neo4jCode(error) === undefined ? error : fromNeo4jError(error);
  } finally {
    await session.close();
  }
}

/**
 * Removes what a killed first load wrote and clears its marker, leaving the empty graph it started
 * from. Refuses while the first load's lease is current: that load may still be running.
 */
export async function removePartialFirstLoad(graph: Graph, state: FirstLoad): Promise<void> {
  if (state === 'running') {
    throw new AppError(
      'CONFLICT',
      `Another load is writing this graph for the first time. Wait for it to finish; if it was stopped, run this load again in ${FIRST_LOAD_LEASE_MS / 60_000} minutes, once its lease has run out.`,
    );
  }
  await undoFirstLoad(graph);
}

/** Leaves the empty graph a first load started from: nothing written, the schema back, the marker clear. */
async function undoFirstLoad(graph: Graph): Promise<void> {
  await removeEverythingLoaded(graph);
  await applySchema(graph);
  await graph.write((tx) => tx.run(END_FIRST_LOAD, { loaded: false }));
}

/** Builds the constraints and indexes over the written graph; a broken constraint fails the load. */
async function buildIndexes(graph: Graph): Promise<void> {
  try {
    await applySchema(graph, { awaitSeconds: INDEX_BUILD_SECONDS });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'BAD_REQUEST') throw error;
    throw new AppError(
      'BAD_REQUEST',
      `The loaded graph breaks a constraint, so the first load was undone: ${error.message}`,
      error.details,
      { cause: error },
    );
  }
}

/** Writes the whole plan into an empty graph; see the note above. */
export async function loadIntoEmptyGraph(
  graph: Graph,
  plan: GraphPlan,
  options: GenerationOptions,
): Promise<GenerationTimings> {
  const leaseMs = neo4j.int(FIRST_LOAD_LEASE_MS);
  const begun = await graph.write(
    async (tx) => (await tx.run(BEGIN_FIRST_LOAD, { leaseMs })).records[0]?.get('begun') === true,
  );
  if (!begun) {
    throw new AppError(
      'CONFLICT',
      'Another load is switching a graph into this database; run this load again when it has finished.',
    );
  }
  // Readers refuse from now on; a lease granted before this mark runs out before the grace does
  // (see switch-guard.ts, 4.), and nothing, the schema included, is changed until then.
  await waitOutReadLeases();
  const renewing = setInterval(() => {
    graph.write((tx) => tx.run(RENEW_FIRST_LOAD, { leaseMs })).catch(() => undefined);
  }, RENEW_EVERY_MS);
  try {
    const dropStarted = performance.now();
    await dropSchema(graph);
    const dropMs = performance.now() - dropStarted;
    const started = performance.now();
    const written = await writeInBatches(graph, plan, (label) => label, {
      ...options,
      inFlight: options.inFlight ?? DEFAULT_IN_FLIGHT,
    });
    const stageMs = performance.now() - started;
    options.progress(0, 'building indexes');
    await buildIndexes(graph);
    const indexesMs = dropMs + performance.now() - started - stageMs;
    const ended = performance.now();
    await graph.write((tx) => tx.run(END_FIRST_LOAD, { loaded: true }));
    options.progress(0, 'loaded');
    return {
      stageMs,
      stageNodesMs: written.nodesMs,
      stageRelationshipsMs: written.relationshipsMs,
      stageJsMs: written.jsMs,
      indexesMs,
      switchMs: performance.now() - ended,
      retireMs: 0,
    };
  } catch (error) {
    clearInterval(renewing);
    await undoFirstLoad(graph);
    throw error;
  } finally {
    clearInterval(renewing);
  }
}
