import type { EntityEntry } from '../entries.ts';
import { earliestDay } from '../partial-date.ts';
import type { SeedDocument, SeedSet } from '../read-seeds.ts';
import type { Claim } from '../schema.ts';
import type { PlanBuilder, Properties } from './builder.ts';

/** What every planner may read: the documents, the entities by id, and the plan being built. */
export interface PlanContext {
  documents: Map<string, SeedDocument>;
  entitiesById: Map<string, EntityEntry>;
  organisationNames: Map<string, string>;
  plan: PlanBuilder;
}

export function makeContext(seeds: SeedSet, entities: EntityEntry[], plan: PlanBuilder): PlanContext {
  return {
    documents: new Map(seeds.documents.map((d) => [d.meta.id, d])),
    entitiesById: new Map(entities.map((e) => [e.value.id, e])),
    organisationNames: new Map(
      entities.flatMap((e) => (e.label === 'Organisation' ? [[e.value.id, e.value.name] as const] : [])),
    ),
    plan,
  };
}

/** The dates a document stands for: its day, month or year, or the bounds it lies between. */
export function documentDates(document: SeedDocument): { notBefore: string; notAfter: string } {
  const p = document.meta.published;
  return 'date' in p
    ? { notBefore: p.date, notAfter: p.date }
    : { notBefore: p.notBefore, notAfter: p.notAfter };
}

/** The name a node is shown by. */
export function nameOf(entity: EntityEntry, organisations: Map<string, string>): string {
  switch (entity.label) {
    case 'Post': {
      const org = organisations.get(entity.value.organisation);
      // Titles often name their organisation already ("Chief Executive, Bury Council").
      return org && !entity.value.title.includes(org) ? `${entity.value.title}, ${org}` : entity.value.title;
    }
    case 'Finding':
      return entity.value.text;
    case 'Tenure':
      return entity.value.id;
    default:
      return entity.value.name;
  }
}

/** The properties whose claimed values differ between sources. */
export function claimsProperties(claims: readonly Claim[] | undefined): Properties {
  if (!claims || claims.length === 0) return {};
  const byProperty = new Map<string, Set<string>>();
  for (const claim of claims) {
    const values = byProperty.get(claim.property) ?? new Set<string>();
    values.add(claim.value);
    byProperty.set(claim.property, values);
  }
  const disputed = [...byProperty].filter(([, values]) => values.size > 1).map(([property]) => property);
  return { disputedProperties: disputed.sort() };
}

export function boundsProperties(
  bounds: { notBefore: string; notAfter: string; reason: string } | undefined,
): Properties {
  return bounds ? { notBefore: bounds.notBefore, notAfter: bounds.notAfter, dateReason: bounds.reason } : {};
}

/**
 * The first day an inspection, report or finding can have existed: its own date, else the lower
 * bound the sources give, else (for a finding) that of the report or inspection that made it.
 */
export function eventDay(
  entity: EntityEntry | undefined,
  byId?: Map<string, EntityEntry>,
): string | undefined {
  if (entity?.label === 'Finding') return byId ? eventDay(byId.get(entity.value.foundBy)) : undefined;
  if (!entity) return undefined;
  if (entity.label === 'Inspection' && entity.value.from) return earliestDay(entity.value.from);
  if (entity.label === 'Report' && entity.value.published) return earliestDay(entity.value.published);
  if ((entity.label === 'Inspection' || entity.label === 'Report') && entity.value.dateBounds) {
    return earliestDay(entity.value.dateBounds.notBefore);
  }
  return undefined;
}
