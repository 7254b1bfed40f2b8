import { allEntities, allRelationships, type EntityEntry } from './entries.ts';
import { mergeAttestations } from './plan/attestations.ts';
import { type GraphPlan, hashProperties, PlanBuilder, type PlannedNode } from './plan/builder.ts';
import { makeContext, type PlanContext } from './plan/context.ts';
import { planDocument } from './plan/documents.ts';
import { type EntityPart, planEntity } from './plan/entity.ts';
import { planFinding, planInspection, planReport } from './plan/events.ts';
import { planOrganisation, planPerson, planPost } from './plan/organisations.ts';
import { planMentions, planStatedRelationship } from './plan/relationships.ts';
import { planTenure } from './plan/tenures.ts';
import type { SeedSet } from './read-seeds.ts';

export type {
  GraphPlan,
  PlannedNode,
  PlannedRelationship,
  Properties,
  PropertyValue,
} from './plan/builder.ts';
export { hashProperties } from './plan/builder.ts';

/** The planner for each label: the properties it adds and the relationships it derives. */
function planOf(entity: EntityEntry, ctx: PlanContext): EntityPart {
  switch (entity.label) {
    case 'Organisation':
      return planOrganisation(entity.value);
    case 'Person':
      return planPerson(entity.value);
    case 'Post':
      return planPost(entity.value, ctx);
    case 'Tenure':
      return planTenure(entity.value, ctx);
    case 'Inspection':
      return planInspection(entity.value);
    case 'Report':
      return planReport(entity.value);
    case 'Finding':
      return planFinding(entity.value, ctx);
  }
}

/** Joined text for the full-text index, which indexes strings rather than lists. */
function addSearchText(node: PlannedNode): void {
  const { aliases, evidenceQuotes } = node.properties;
  if (Array.isArray(aliases)) node.properties.aliasesText = aliases.join(' | ');
  if (Array.isArray(evidenceQuotes)) node.properties.quotesText = evidenceQuotes.join(' | ');
}

/**
 * Turns validated seeds into the exact nodes and relationships to write. Pure: the same seeds
 * always give the same plan, with a hash on each item so a load can tell what changed.
 * Assumes the seeds passed `validateSeeds`.
 */
export function planGraph(given: SeedSet): GraphPlan {
  const seeds = mergeAttestations(given);
  const plan = new PlanBuilder();
  const entities = allEntities(seeds);
  const ctx = makeContext(seeds, entities, plan);
  for (const document of seeds.documents) planDocument(document, ctx);
  for (const entity of entities) planEntity(entity, planOf(entity, ctx), ctx);
  for (const rel of allRelationships(seeds)) planStatedRelationship(rel, ctx);
  planMentions(ctx);
  for (const node of plan.nodes) addSearchText(node);
  for (const node of plan.nodes) node.properties.seedHash = hashProperties(node.properties);
  for (const rel of plan.relationships) rel.properties.seedHash = hashProperties(rel.properties);
  return { nodes: plan.nodes, relationships: plan.relationships };
}
