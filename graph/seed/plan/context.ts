import type { DateWindow } from '../dating.ts';
import type { EntityEntry } from '../entries.ts';
import { latestDay } from '../partial-date.ts';
import type { SeedDocument, SeedSet } from '../read-seeds.ts';
import type { Claim, Evidence } from '../schema.ts';
import type { PlanBuilder, Properties } from './builder.ts';

/** What every planner may read: the documents, the entities by id, and the plan being built. */
export interface PlanContext {
  documents: Map<string, SeedDocument>;
  entitiesById: Map<string, EntityEntry>;
  /** Each organisation's name and its aliases (the name first). */
  organisationNames: Map<string, string[]>;
  plan: PlanBuilder;
}

export function makeContext(seeds: SeedSet, entities: EntityEntry[], plan: PlanBuilder): PlanContext {
  return {
    documents: new Map(seeds.documents.map((d) => [d.meta.id, d])),
    entitiesById: new Map(entities.map((e) => [e.value.id, e])),
    organisationNames: new Map(
      entities.flatMap((e) =>
        e.label === 'Organisation' ? [[e.value.id, [e.value.name, ...e.value.aliases]] as const] : [],
      ),
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

/** The window of a document's publication, by id (null for an unknown document). */
export function documentWindow(ctx: PlanContext, documentId: string | undefined): DateWindow | null {
  const document = documentId ? ctx.documents.get(documentId) : undefined;
  return document ? documentDates(document) : null;
}

/**
 * Of the evidence's documents, the window of the one published first (by its latest possible day):
 * what a quote reports has happened, or been said, by then.
 */
export function firstDocumentWindow(ctx: PlanContext, evidence: readonly Evidence[]): DateWindow | null {
  const windows = evidence.flatMap((e) => {
    const w = documentWindow(ctx, e.documentId);
    return w ? [w] : [];
  });
  return windows.sort((a, b) => latestDay(a.notAfter).localeCompare(latestDay(b.notAfter)))[0] ?? null;
}

/** The name a node is shown by. */
export function nameOf(entity: EntityEntry, organisations: Map<string, string[]>): string {
  switch (entity.label) {
    case 'Post': {
      const names = organisations.get(entity.value.organisation) ?? [];
      const title = entity.value.title;
      // Titles often name their organisation already, by its name or an alias ("Chair, NHS Bury CCG").
      return names[0] && !names.some((n) => title.includes(n)) ? `${title}, ${names[0]}` : title;
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
 * When an inspection, report or finding happened, as a window: an inspection's fieldwork from its
 * first to its last day, a report's publication, else the bounds the sources give; a finding
 * takes the window of the report or inspection that made it.
 */
export function eventWindow(
  entity: EntityEntry | undefined,
  byId: Map<string, EntityEntry>,
): DateWindow | null {
  if (!entity) return null;
  if (entity.label === 'Finding') return eventWindow(byId.get(entity.value.foundBy), byId);
  if (entity.label === 'Inspection') {
    const { from, to, dateBounds } = entity.value;
    if (from || to) return { notBefore: from ?? (to as string), notAfter: to ?? (from as string) };
    return dateBounds ? { notBefore: dateBounds.notBefore, notAfter: dateBounds.notAfter } : null;
  }
  if (entity.label === 'Report') {
    const { published, dateBounds } = entity.value;
    if (published) return { notBefore: published, notAfter: published };
    return dateBounds ? { notBefore: dateBounds.notBefore, notAfter: dateBounds.notAfter } : null;
  }
  return null;
}
