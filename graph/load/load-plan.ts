import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../driver.ts';
import type { GraphPlan, PlannedNode, PlannedRelationship } from '../seed/plan.ts';
import { NODE_LABELS, type NodeLabel, RELATIONSHIP_TYPES, type RelationshipType } from '../seed/schema.ts';

export interface ChangeCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export interface LoadReport {
  nodes: Record<string, ChangeCounts>;
  relationships: Record<string, ChangeCounts>;
  totals: { nodes: ChangeCounts; relationships: ChangeCounts };
  durationMs: number;
}

export type ProgressListener = (done: number, total: number, step: string) => void;

const BATCH = 500;

/** Only labels and types from the schema's fixed lists are ever placed into Cypher text. */
function assertLabel(label: string): asserts label is NodeLabel {
  if (!NODE_LABELS.includes(label as NodeLabel)) throw new Error(`Unknown label ${label}`);
}
function assertType(type: string): asserts type is RelationshipType {
  if (!RELATIONSHIP_TYPES.includes(type as RelationshipType))
    throw new Error(`Unknown relationship type ${type}`);
}

const EXISTING_NODES = `
MATCH (n) WHERE n.seedHash IS NOT NULL
RETURN n.id AS id, labels(n)[0] AS label, n.seedHash AS hash`;
const EXISTING_RELATIONSHIPS = `
MATCH ()-[r]->() WHERE r.seedHash IS NOT NULL
RETURN r.id AS id, type(r) AS type, r.seedHash AS hash`;

const createNodes = (label: NodeLabel) => `
UNWIND $rows AS row
CREATE (n:${label}) SET n = row.properties`;
const updateNodes = (label: NodeLabel) => `
UNWIND $rows AS row
MATCH (n:${label} {id: row.id}) SET n = row.properties`;
const deleteNodes = (label: NodeLabel) => `
UNWIND $ids AS id
MATCH (n:${label} {id: id}) DETACH DELETE n`;
const createRelationships = (type: RelationshipType, sourceLabel: NodeLabel, targetLabel: NodeLabel) => `
UNWIND $rows AS row
MATCH (a:${sourceLabel} {id: row.source})
MATCH (b:${targetLabel} {id: row.target})
CREATE (a)-[r:${type}]->(b) SET r = row.properties
RETURN count(r) AS written`;
const updateRelationships = (type: RelationshipType) => `
UNWIND $rows AS row
MATCH ()-[r:${type} {id: row.id}]->() SET r = row.properties`;
const deleteRelationships = (type: RelationshipType) => `
UNWIND $ids AS id
MATCH ()-[r:${type} {id: id}]->() DELETE r`;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}

function emptyCounts(): ChangeCounts {
  return { created: 0, updated: 0, deleted: 0, unchanged: 0 };
}

interface Diff<T> {
  create: T[];
  update: T[];
  delete: { id: string; group: string }[];
  unchanged: T[];
}

function diff<T extends { id: string; properties: Record<string, unknown> }>(
  planned: readonly T[],
  existing: Map<string, { group: string; hash: string }>,
  groupOf: (item: T) => string,
): Diff<T> {
  const result: Diff<T> = { create: [], update: [], delete: [], unchanged: [] };
  const plannedById = new Map(planned.map((item) => [item.id, item]));
  for (const item of planned) {
    const found = existing.get(item.id);
    if (!found || found.group !== groupOf(item)) result.create.push(item);
    else if (found.hash !== item.properties.seedHash) result.update.push(item);
    else result.unchanged.push(item);
  }
  for (const [id, found] of existing) {
    const item = plannedById.get(id);
    if (!item || groupOf(item) !== found.group) result.delete.push({ id, group: found.group });
  }
  return result;
}

/**
 * Writes the plan so that the graph ends up exactly as planned: creates what is new, rewrites
 * what changed, deletes what the seeds no longer hold and leaves the rest untouched. Everything
 * happens in one transaction, so a failure at any point leaves the graph as it was.
 */
export async function loadPlan(
  graph: Graph,
  plan: GraphPlan,
  options: { onProgress?: ProgressListener } = {},
): Promise<LoadReport> {
  const started = performance.now();
  const report: LoadReport = {
    nodes: {},
    relationships: {},
    totals: { nodes: emptyCounts(), relationships: emptyCounts() },
    durationMs: 0,
  };
  const count = (bucket: Record<string, ChangeCounts>, key: string, field: keyof ChangeCounts, n: number) => {
    bucket[key] ??= emptyCounts();
    bucket[key][field] += n;
  };

  await graph.write(async (tx: ManagedTransaction) => {
    // Reset the counts: a managed transaction may be retried.
    report.nodes = {};
    report.relationships = {};
    const existingNodes = new Map<string, { group: string; hash: string }>();
    for (const r of (await tx.run(EXISTING_NODES)).records) {
      existingNodes.set(r.get('id'), { group: r.get('label'), hash: r.get('hash') });
    }
    const existingRels = new Map<string, { group: string; hash: string }>();
    for (const r of (await tx.run(EXISTING_RELATIONSHIPS)).records) {
      existingRels.set(r.get('id'), { group: r.get('type'), hash: r.get('hash') });
    }
    const nodeDiff = diff<PlannedNode>(plan.nodes, existingNodes, (n) => n.label);
    const relDiff = diff<PlannedRelationship>(plan.relationships, existingRels, (r) => r.type);

    const steps =
      nodeDiff.create.length +
      nodeDiff.update.length +
      nodeDiff.delete.length +
      relDiff.create.length +
      relDiff.update.length +
      relDiff.delete.length;
    let done = 0;
    const progress = (n: number, step: string) => {
      done += n;
      options.onProgress?.(done, steps, step);
    };

    // Relationships first on delete, so no node is detached from something the plan keeps.
    for (const [type, items] of groupBy(relDiff.delete, (d) => d.group)) {
      assertType(type);
      for (const batch of chunks(items)) {
        await tx.run(deleteRelationships(type), { ids: batch.map((d) => d.id) });
        count(report.relationships, type, 'deleted', batch.length);
        progress(batch.length, `deleted ${type}`);
      }
    }
    for (const [label, items] of groupBy(nodeDiff.delete, (d) => d.group)) {
      assertLabel(label);
      for (const batch of chunks(items)) {
        await tx.run(deleteNodes(label), { ids: batch.map((d) => d.id) });
        count(report.nodes, label, 'deleted', batch.length);
        progress(batch.length, `deleted ${label}`);
      }
    }
    for (const [label, items] of groupBy(nodeDiff.create, (n) => n.label)) {
      assertLabel(label);
      for (const batch of chunks(items)) {
        await tx.run(createNodes(label), { rows: batch.map((n) => ({ properties: n.properties })) });
        count(report.nodes, label, 'created', batch.length);
        progress(batch.length, `created ${label}`);
      }
    }
    for (const [label, items] of groupBy(nodeDiff.update, (n) => n.label)) {
      assertLabel(label);
      for (const batch of chunks(items)) {
        await tx.run(updateNodes(label), {
          rows: batch.map((n) => ({ id: n.id, properties: n.properties })),
        });
        count(report.nodes, label, 'updated', batch.length);
        progress(batch.length, `updated ${label}`);
      }
    }
    for (const [, items] of groupBy(relDiff.create, (r) => `${r.type}|${r.sourceLabel}|${r.targetLabel}`)) {
      const first = items[0];
      if (!first) continue;
      assertType(first.type);
      assertLabel(first.sourceLabel);
      assertLabel(first.targetLabel);
      for (const batch of chunks(items)) {
        const result = await tx.run(createRelationships(first.type, first.sourceLabel, first.targetLabel), {
          rows: batch.map((r) => ({ source: r.source, target: r.target, properties: r.properties })),
        });
        const written = Number(result.records[0]?.get('written') ?? 0);
        if (written !== batch.length) {
          throw new Error(
            `Only ${written} of ${batch.length} ${first.type} relationships found both their ends`,
          );
        }
        count(report.relationships, first.type, 'created', batch.length);
        progress(batch.length, `created ${first.type}`);
      }
    }
    for (const [type, items] of groupBy(relDiff.update, (r) => r.type)) {
      assertType(type);
      for (const batch of chunks(items)) {
        await tx.run(updateRelationships(type), {
          rows: batch.map((r) => ({ id: r.id, properties: r.properties })),
        });
        count(report.relationships, type, 'updated', batch.length);
        progress(batch.length, `updated ${type}`);
      }
    }
    for (const n of nodeDiff.unchanged) count(report.nodes, n.label, 'unchanged', 1);
    for (const r of relDiff.unchanged) count(report.relationships, r.type, 'unchanged', 1);
  });

  for (const [bucket, total] of [
    [report.nodes, report.totals.nodes],
    [report.relationships, report.totals.relationships],
  ] as const) {
    for (const counts of Object.values(bucket)) {
      total.created += counts.created;
      total.updated += counts.updated;
      total.deleted += counts.deleted;
      total.unchanged += counts.unchanged;
    }
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
