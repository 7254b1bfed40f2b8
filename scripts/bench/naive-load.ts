/**
 * The naive baseline: a script that MERGEs one row per transaction, as a first attempt without
 * batching would. It is far too slow to run on a million relationships, so it runs on a sample (a
 * set of relationships and the nodes at their ends) and the time per item is scaled to the plan.
 */
import type { Graph } from '../../graph/driver.ts';
import type { GraphPlan, PlannedNode, PlannedRelationship } from '../../graph/seed/plan.ts';

export interface NaiveSample {
  nodes: PlannedNode[];
  relationships: PlannedRelationship[];
}

/** Every `step`-th relationship up to `size`, with the nodes at both of its ends. */
export function naiveSample(plan: GraphPlan, size: number): NaiveSample {
  const step = Math.max(1, Math.floor(plan.relationships.length / size));
  const relationships = plan.relationships.filter((_, i) => i % step === 0).slice(0, size);
  const wanted = new Set(relationships.flatMap((r) => [r.source, r.target]));
  return { nodes: plan.nodes.filter((n) => wanted.has(n.id)), relationships };
}

export interface NaiveResult {
  sampleNodes: number;
  sampleRelationships: number;
  nodeMs: number;
  relationshipMs: number;
  /** The sample's time per item times the plan's item counts. */
  estimatedFullMs: number;
}

export async function runNaive(graph: Graph, plan: GraphPlan, sample: NaiveSample): Promise<NaiveResult> {
  let started = performance.now();
  for (const node of sample.nodes) {
    await graph.write((tx) =>
      tx.run(`MERGE (n:${node.label} {id: $id}) SET n = $properties`, {
        id: node.id,
        properties: node.properties,
      }),
    );
  }
  const nodeMs = performance.now() - started;
  started = performance.now();
  for (const r of sample.relationships) {
    await graph.write((tx) =>
      tx.run(
        `MATCH (a:${r.sourceLabel} {id: $source}) MATCH (b:${r.targetLabel} {id: $target})
         MERGE (a)-[rel:${r.type} {id: $id}]->(b) SET rel = $properties`,
        { source: r.source, target: r.target, id: r.id, properties: r.properties },
      ),
    );
  }
  const relationshipMs = performance.now() - started;
  const perNode = nodeMs / Math.max(1, sample.nodes.length);
  const perRelationship = relationshipMs / Math.max(1, sample.relationships.length);
  return {
    sampleNodes: sample.nodes.length,
    sampleRelationships: sample.relationships.length,
    nodeMs: Math.round(nodeMs),
    relationshipMs: Math.round(relationshipMs),
    estimatedFullMs: Math.round(perNode * plan.nodes.length + perRelationship * plan.relationships.length),
  };
}
