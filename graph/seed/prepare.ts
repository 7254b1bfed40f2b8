import { type GraphPlan, planGraph } from './plan.ts';
import { SeedValidationError } from './problems.ts';
import { readSeeds, type SeedSet } from './read-seeds.ts';
import { validateSeeds } from './validate.ts';

export interface PreparedSeeds {
  seeds: SeedSet;
  plan: GraphPlan;
}

/**
 * Reads, validates and plans the seeds under `root` (or in `seedsDir`, see readSeeds). Throws a SeedValidationError listing every
 * problem (file, entry, path, message) when anything is wrong, before the database is touched.
 */
export function prepareSeeds(root: string, seedsDir?: string): PreparedSeeds {
  const { seeds, problems } = readSeeds(root, seedsDir);
  const all = problems.length === 0 ? validateSeeds(seeds) : [...problems, ...validateSeeds(seeds)];
  if (all.length > 0) throw new SeedValidationError(all);
  return { seeds, plan: planGraph(seeds) };
}

/** Counts per label and per relationship type, for reports and tests. */
export function planCounts(plan: GraphPlan): {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
} {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const n of plan.nodes) nodes[n.label] = (nodes[n.label] ?? 0) + 1;
  for (const r of plan.relationships) relationships[r.type] = (relationships[r.type] ?? 0) + 1;
  return { nodes, relationships };
}
