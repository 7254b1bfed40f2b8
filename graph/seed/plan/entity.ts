import type { EntityEntry } from '../entries.ts';
import type { Evidence } from '../schema.ts';
import { citationProperties, evidenceProperties, hashProperties, type LooseProperties } from './builder.ts';
import { claimsProperties, nameOf, type PlanContext } from './context.ts';

/** What a per-label planner adds to the properties every entity node has. */
export interface EntityPart {
  properties: LooseProperties;
  /** The node's evidence, when the planner adds to the entity's own (a tenure's attestations). */
  evidence?: Evidence[];
  /** The node's name, when it is not the entity's own. */
  name?: string;
}

export type EntityPlanner<E extends EntityEntry> = (entity: E['value'], ctx: PlanContext) => EntityPart;

/**
 * Writes one entity node with the properties all entities share (id, name, note, disputed
 * properties, evidence, citations), the part its label's planner adds, a MENTIONS note for every quote, and
 * one CLAIMS relationship per piece of evidence behind a claim.
 */
export function planEntity(entity: EntityEntry, part: EntityPart, ctx: PlanContext): void {
  const value = entity.value;
  const evidence = part.evidence ?? [...value.evidence];
  ctx.plan.node(value.id, entity.label, {
    id: value.id,
    name: part.name ?? nameOf(entity, ctx.organisationNames),
    note: value.note,
    ...claimsProperties(value.claims),
    ...part.properties,
    ...evidenceProperties(evidence),
    ...citationProperties(evidence, 'citations' in value ? value.citations : undefined),
  });
  for (const e of evidence) ctx.plan.mention(e.documentId, value.id, e.quote);
  value.claims?.forEach((claim) => {
    claim.evidence.forEach((e, index) => {
      ctx.plan.relationship(
        'CLAIMS',
        e.documentId,
        value.id,
        { property: claim.property, value: claim.value, ...evidenceProperties([e]) },
        `${claim.property}-${index}-${hashProperties({ v: claim.value }).slice(0, 8)}`,
      );
      ctx.plan.mention(e.documentId, value.id, e.quote);
    });
  });
}
