/**
 * `scale`: a synthetic plan of `scale` people, loaded with the real loader into an empty graph
 * (one transaction, as always), then reloaded unchanged to show the cost of the diff alone. A
 * failure (say, the transaction outgrowing the heap) is recorded as a result, not hidden.
 */
import type { Graph } from '../../graph/driver.ts';
import { loadPlan } from '../../graph/load/load-plan.ts';
import { type Say, wipeData } from './neo4j-target.ts';
import { perSecond, round } from './stats.ts';
import { type SyntheticPlanStats, syntheticPlan, syntheticPlanStats } from './synthetic-plan.ts';
import { timed } from './timing.ts';

export interface ScaleSuiteResult {
  plan: SyntheticPlanStats & { totalNodes: number; totalRelationships: number; generateMs: number };
  firstLoad?: { ms: number; nodesPerSecond: number; relationshipsPerSecond: number; itemsPerSecond: number };
  reloadUnchanged?: { ms: number; unchanged: number };
  error?: string;
}

export async function runScaleSuite(options: {
  graph: Graph;
  scale: number;
  say: Say;
}): Promise<ScaleSuiteResult> {
  const { graph, scale, say } = options;
  const generated = await timed(() => syntheticPlan(scale));
  const plan = generated.value;
  const stats = syntheticPlanStats(scale, plan);
  const result: ScaleSuiteResult = {
    plan: {
      ...stats,
      totalNodes: plan.nodes.length,
      totalRelationships: plan.relationships.length,
      generateMs: round(generated.ms),
    },
  };
  say(
    `  synthetic plan: ${plan.nodes.length} nodes, ${plan.relationships.length} relationships, ${(stats.propertyBytes / 1e6).toFixed(1)} MB of properties (${generated.ms.toFixed(0)} ms)`,
  );

  await wipeData(graph);
  try {
    const first = await timed(() => loadPlan(graph, plan));
    const items = plan.nodes.length + plan.relationships.length;
    result.firstLoad = {
      ms: round(first.ms),
      nodesPerSecond: round(perSecond(plan.nodes.length, first.ms), 0),
      relationshipsPerSecond: round(perSecond(plan.relationships.length, first.ms), 0),
      itemsPerSecond: round(perSecond(items, first.ms), 0),
    };
    say(`  first load: ${(first.ms / 1000).toFixed(1)} s (${result.firstLoad.itemsPerSecond} items/s)`);
    const again = await timed(() => loadPlan(graph, plan));
    const { nodes, relationships } = again.value.totals;
    if (nodes.unchanged + relationships.unchanged !== items) {
      throw new Error(
        `the unchanged reload found ${nodes.unchanged + relationships.unchanged} of ${items} items unchanged`,
      );
    }
    result.reloadUnchanged = { ms: round(again.ms), unchanged: items };
    say(`  unchanged reload: ${(again.ms / 1000).toFixed(1)} s`);
  } catch (error) {
    result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    say(`  scale load failed: ${result.error}`);
  } finally {
    await wipeData(graph);
  }
  return result;
}
