import type { Graph } from '../driver.ts';
import type { GraphPlan } from '../seed/plan.ts';
import { GIVE_VERSION } from '../switch-guard.ts';
import { changeCount, type Diff, diffPlan, isGraphEmpty, NOTHING_LOADED, readExisting } from './diff.ts';
import { firstLoadState, loadIntoEmptyGraph, removePartialFirstLoad } from './first-load.ts';
import { cleanupGenerations, loadGeneration } from './generation.ts';
import { applyInPlace } from './in-place.ts';

export interface ChangeCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/**
 * - `unchanged`: the graph already equals the plan; nothing was written.
 * - `in-place`: a small diff written onto the served graph in one transaction.
 * - `generation`: a large diff written as a new generation and switched in (see generation.ts).
 * - `first-load`: a large load into an empty graph, written straight in behind the switch marker
 *   (see first-load.ts).
 */
export type LoadMode = 'unchanged' | 'in-place' | 'generation' | 'first-load';

export interface LoadReport {
  mode: LoadMode;
  nodes: Record<string, ChangeCounts>;
  relationships: Record<string, ChangeCounts>;
  totals: { nodes: ChangeCounts; relationships: ChangeCounts };
  durationMs: number;
  /** Where the time went, in ms: reading what is loaded, writing, and for a generation its phases. */
  phases: {
    readMs: number;
    writeMs: number;
    stageMs?: number;
    stageNodesMs?: number;
    stageRelationshipsMs?: number;
    stageJsMs?: number;
    indexesMs?: number;
    switchMs?: number;
    retireMs?: number;
  };
}

export type ProgressListener = (done: number, total: number, step: string) => void;

export interface LoadOptions {
  onProgress?: ProgressListener;
  /**
   * Diffs of at most this many changed items are written in one transaction onto the served graph;
   * larger ones as a new generation. One transaction keeps a small edit cheap (only the changed
   * items are touched); a generation keeps a large load within Neo4j's memory and time limits.
   */
  inPlaceLimit?: number;
  nodeBatch?: number;
  relationshipBatch?: number;
  batchBytes?: number;
  /** Staging transactions in flight at a time (see GenerationOptions). */
  inFlight?: number;
  switchTimeoutMs?: number;
}

export const DEFAULT_IN_PLACE_LIMIT = 10_000;
// Measured with `npm run bench -- scale`: fewer, larger staging transactions load faster, and the
// byte cap keeps each one far below the heap whatever the property sizes.
const DEFAULT_NODE_BATCH = 10_000;
const DEFAULT_RELATIONSHIP_BATCH = 20_000;
const DEFAULT_BATCH_BYTES = 16_000_000;

function emptyCounts(): ChangeCounts {
  return { created: 0, updated: 0, deleted: 0, unchanged: 0 };
}

function countDiff<T>(diff: Diff<T>, groupOf: (item: T) => string): Record<string, ChangeCounts> {
  const out: Record<string, ChangeCounts> = {};
  const add = (group: string, field: keyof ChangeCounts) => {
    out[group] ??= emptyCounts();
    out[group][field] += 1;
  };
  for (const item of diff.create) add(groupOf(item), 'created');
  for (const item of diff.update) add(groupOf(item), 'updated');
  for (const item of diff.unchanged) add(groupOf(item), 'unchanged');
  for (const item of diff.delete) add(item.group, 'deleted');
  return out;
}

function total(bucket: Record<string, ChangeCounts>): ChangeCounts {
  const sum = emptyCounts();
  for (const counts of Object.values(bucket)) {
    sum.created += counts.created;
    sum.updated += counts.updated;
    sum.deleted += counts.deleted;
    sum.unchanged += counts.unchanged;
  }
  return sum;
}

/**
 * Brings the graph in line with the plan: creates what is new, rewrites what changed, deletes what
 * the plan no longer holds and leaves the rest untouched. Readers never see a half-written load,
 * and a load that fails leaves the graph that was served before.
 */
export async function loadPlan(
  graph: Graph,
  plan: GraphPlan,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const started = performance.now();
  // A first load that was killed left a part-written graph that is not served: it goes first.
  const stoppedFirstLoad = await firstLoadState(graph);
  if (stoppedFirstLoad) await removePartialFirstLoad(graph, stoppedFirstLoad);
  // An empty graph (the count store answers at once) has no leftovers to remove and nothing loaded
  // to read back and diff against; otherwise a load killed before it finished may have left a
  // staged or retired generation behind.
  const empty = await isGraphEmpty(graph);
  if (!empty) await cleanupGenerations(graph);
  const existing = empty ? NOTHING_LOADED() : await readExisting(graph);
  const diff = diffPlan(plan, existing);
  const readMs = performance.now() - started;
  const changes = changeCount(diff);
  const mode: LoadMode =
    changes === 0
      ? 'unchanged'
      : changes <= (options.inPlaceLimit ?? DEFAULT_IN_PLACE_LIMIT)
        ? 'in-place'
        : empty
          ? 'first-load'
          : 'generation';

  let done = 0;
  const steps =
    mode === 'generation' || mode === 'first-load' ? plan.nodes.length + plan.relationships.length : changes;
  const progress = (n: number, step: string) => {
    done += n;
    options.onProgress?.(done, steps, step);
  };

  const writeStarted = performance.now();
  const phases: LoadReport['phases'] = { readMs: 0, writeMs: 0 };
  if (mode === 'unchanged') {
    await graph.write((tx) => tx.run(GIVE_VERSION));
  } else if (mode === 'in-place') {
    await applyInPlace(graph, diff, existing, progress);
  } else {
    const batches = {
      nodeBatch: options.nodeBatch ?? DEFAULT_NODE_BATCH,
      relationshipBatch: options.relationshipBatch ?? DEFAULT_RELATIONSHIP_BATCH,
      batchBytes: options.batchBytes ?? DEFAULT_BATCH_BYTES,
      inFlight: options.inFlight,
      switchTimeoutMs: options.switchTimeoutMs,
      progress,
    };
    if (mode === 'generation') Object.assign(phases, await loadGeneration(graph, plan, batches));
    if (mode === 'first-load') Object.assign(phases, await loadIntoEmptyGraph(graph, plan, batches));
  }
  phases.readMs = Math.round(readMs);
  phases.writeMs = Math.round(performance.now() - writeStarted);
  for (const key of [
    'stageMs',
    'stageNodesMs',
    'stageRelationshipsMs',
    'stageJsMs',
    'indexesMs',
    'switchMs',
    'retireMs',
  ] as const) {
    const value = phases[key];
    if (value !== undefined) phases[key] = Math.round(value);
  }

  const nodes = countDiff(diff.nodes, (n) => n.label);
  const relationships = countDiff(diff.relationships, (r) => r.type);
  return {
    mode,
    nodes,
    relationships,
    totals: { nodes: total(nodes), relationships: total(relationships) },
    durationMs: Math.round(performance.now() - started),
    phases,
  };
}
