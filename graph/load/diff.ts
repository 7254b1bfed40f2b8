import type { Graph } from '../driver.ts';
import type { GraphPlan, PlannedNode, PlannedRelationship } from '../seed/plan.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../seed/schema.ts';
import { SWITCH_LABEL } from '../switch-guard.ts';

/** What the graph holds now: per id, its label or type and the hash of its properties. */
export type Existing = Map<string, { group: string; hash: string }>;

export interface Diff<T> {
  create: T[];
  update: T[];
  delete: { id: string; group: string }[];
  unchanged: T[];
}

export interface PlanDiff {
  nodes: Diff<PlannedNode>;
  relationships: Diff<PlannedRelationship>;
}

/** Items the diff would write (created, rewritten or deleted). */
export function changeCount(diff: PlanDiff): number {
  const { nodes: n, relationships: r } = diff;
  return (
    n.create.length + n.update.length + n.delete.length + r.create.length + r.update.length + r.delete.length
  );
}

/** What an empty graph holds. */
export const NOTHING_LOADED = (): { nodes: Existing; relationships: Existing } => ({
  nodes: new Map(),
  relationships: new Map(),
});

/**
 * True when the graph holds no node but the switch marker; answered from Neo4j's count store, not
 * by a scan.
 */
export async function isGraphEmpty(graph: Graph): Promise<boolean> {
  const count = await graph.read(async (tx) =>
    (
      await tx.run(
        `CALL () { MATCH (n) RETURN count(n) AS nodes }
           CALL () { MATCH (s:${SWITCH_LABEL}) RETURN count(s) AS markers }
           RETURN nodes - markers AS loaded`,
      )
    ).records[0]?.get('loaded'),
  );
  return Number(count ?? 0) === 0;
}

/**
 * Reads the id and seedHash of every loaded node and relationship, one label or type at a time so
 * that no single result holds the whole graph. Only domain labels are read: a node that is staged
 * for a load or retired by one is not part of the served graph.
 */
export async function readExisting(graph: Graph): Promise<{ nodes: Existing; relationships: Existing }> {
  return graph.read(async (tx) => {
    const nodes: Existing = new Map();
    const relationships: Existing = new Map();
    for (const label of NODE_LABELS) {
      const result = await tx.run(
        `MATCH (n:${label}) WHERE n.seedHash IS NOT NULL RETURN n.id AS id, n.seedHash AS hash`,
      );
      for (const r of result.records) nodes.set(r.get('id'), { group: label, hash: r.get('hash') });
    }
    for (const type of RELATIONSHIP_TYPES) {
      // A staged or retired generation is removed before this runs (see cleanupGenerations).
      const result = await tx.run(
        `MATCH ()-[r:${type}]->() WHERE r.seedHash IS NOT NULL RETURN r.id AS id, r.seedHash AS hash`,
      );
      for (const r of result.records) relationships.set(r.get('id'), { group: type, hash: r.get('hash') });
    }
    return { nodes, relationships };
  });
}

function diffItems<T extends { id: string; properties: Record<string, unknown> }>(
  planned: readonly T[],
  existing: Existing,
  groupOf: (item: T) => string,
): Diff<T> {
  const result: Diff<T> = { create: [], update: [], delete: [], unchanged: [] };
  const plannedGroup = new Map<string, string>();
  for (const item of planned) {
    const group = groupOf(item);
    plannedGroup.set(item.id, group);
    const found = existing.get(item.id);
    if (!found || found.group !== group) result.create.push(item);
    else if (found.hash !== item.properties.seedHash) result.update.push(item);
    else result.unchanged.push(item);
  }
  for (const [id, found] of existing) {
    if (plannedGroup.get(id) !== found.group) result.delete.push({ id, group: found.group });
  }
  return result;
}

export function diffPlan(plan: GraphPlan, existing: { nodes: Existing; relationships: Existing }): PlanDiff {
  return {
    nodes: diffItems<PlannedNode>(plan.nodes, existing.nodes, (n) => n.label),
    relationships: diffItems<PlannedRelationship>(plan.relationships, existing.relationships, (r) => r.type),
  };
}
