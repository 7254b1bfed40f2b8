import type { Graph } from '../driver.ts';
import { prepareSeeds } from '../seed/prepare.ts';
import { applySchema } from './apply-schema.ts';
import { type LoadReport, loadPlan, type ProgressListener } from './load-plan.ts';

/**
 * Validates the seeds under `root` (or in `options.seedsDir`) and, only if they are sound, brings
 * the graph in line with them.
 */
export async function loadSeeds(
  graph: Graph,
  root: string,
  options: { onProgress?: ProgressListener; seedsDir?: string } = {},
): Promise<LoadReport> {
  const { plan } = prepareSeeds(root, options.seedsDir);
  await applySchema(graph);
  return loadPlan(graph, plan, options);
}
