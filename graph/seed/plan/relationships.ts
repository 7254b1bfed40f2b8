import type { RelationshipEntry } from '../entries.ts';
import { earliestDay, latestDay } from '../partial-date.ts';
import { evidenceProperties } from './builder.ts';
import { claimsProperties, documentDates, eventDay, type PlanContext } from './context.ts';

/** A relationship a seed states, with the day span in which it may be in force. */
export function planStatedRelationship(rel: RelationshipEntry, { plan, entitiesById }: PlanContext): void {
  const v = rel.value;
  const span =
    v.from || v.to
      ? { spanStart: v.from ? earliestDay(v.from) : undefined, spanEnd: v.to ? latestDay(v.to) : undefined }
      : {
          spanStart: v.date
            ? earliestDay(v.date)
            : (eventDay(entitiesById.get(v.source), entitiesById) ??
              eventDay(entitiesById.get(v.target), entitiesById)),
        };
  plan.relationship(
    v.type,
    v.source,
    v.target,
    {
      from: v.from,
      to: v.to,
      date: v.date,
      qualifier: v.qualifier,
      text: v.text,
      note: v.note,
      ...claimsProperties(v.claims),
      ...span,
      ...evidenceProperties(v.evidence),
    },
    v.key,
  );
  for (const e of v.evidence) {
    plan.mention(e.documentId, v.source, e.quote);
    plan.mention(e.documentId, v.target, e.quote);
  }
}

/** One MENTIONS relationship from each document to each entity it gives evidence for. */
export function planMentions({ plan, documents }: PlanContext): void {
  for (const [documentId, byEntity] of plan.mentions) {
    const document = documents.get(documentId);
    const spanStart = document ? earliestDay(documentDates(document).notBefore) : undefined;
    for (const [entityId, quotes] of byEntity) {
      if (entityId === documentId) continue;
      plan.relationship('MENTIONS', documentId, entityId, {
        spanStart,
        evidenceDocumentIds: quotes.map(() => documentId),
        evidenceQuotes: quotes,
      });
    }
  }
}
