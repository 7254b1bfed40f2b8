import { type DateWindow, intersect, pointWindow } from '../dating.ts';
import type { RelationshipEntry } from '../entries.ts';
import type { Relationship } from '../schema.ts';
import { eventSpans, intervalSpans } from '../spans.ts';
import { citationProperties, evidenceProperties, type LooseProperties } from './builder.ts';
import {
  claimsProperties,
  documentWindow,
  eventWindow,
  firstDocumentWindow,
  type PlanContext,
} from './context.ts';

const OPEN: DateWindow = { notBefore: '1800', notAfter: '2200' };

/**
 * When a point event (a statement, an approval, a response) happened, no more precisely than the
 * sources allow and no less: its own date, narrowed by what the texts imply. It was reported by
 * the first text that quotes it, so it is not later than that text; a statement with no date of
 * its own takes that text's date or bounds; and what responds to, approves or speaks of an
 * inspection, report or finding is not earlier than it.
 */
export function pointEventWindow(v: Relationship, ctx: PlanContext): DateWindow | null {
  const reported = firstDocumentWindow(ctx, v.evidence);
  if (!v.date) return v.type === 'STATED' ? reported : null;
  let window = pointWindow(v.date);
  const narrowings: DateWindow[] = [];
  if (reported) {
    narrowings.push(
      v.type === 'STATED' ? reported : { notBefore: OPEN.notBefore, notAfter: reported.notAfter },
    );
  }
  const target = eventWindow(ctx.entitiesById.get(v.target), ctx.entitiesById);
  if (target) narrowings.push({ notBefore: target.notBefore, notAfter: OPEN.notAfter });
  for (const narrowing of narrowings) window = intersect(window, narrowing) ?? window;
  return window;
}

function datedProperties(v: Relationship, ctx: PlanContext): LooseProperties {
  if (v.from || v.to) {
    return intervalSpans(v.from ? pointWindow(v.from) : null, v.to ? pointWindow(v.to) : null);
  }
  const window = pointEventWindow(v, ctx);
  if (window) {
    const narrowed = window.notBefore !== v.date || window.notAfter !== v.date;
    return {
      ...(narrowed ? { notBefore: window.notBefore, notAfter: window.notAfter } : {}),
      ...eventSpans(window),
    };
  }
  // An undated relationship of an inspection, report or finding holds from that event on.
  return eventSpans(
    eventWindow(ctx.entitiesById.get(v.source), ctx.entitiesById) ??
      eventWindow(ctx.entitiesById.get(v.target), ctx.entitiesById),
  );
}

/** A relationship a seed states, with the windows and spans in which it may be, or is, in force. */
export function planStatedRelationship(rel: RelationshipEntry, ctx: PlanContext): void {
  const v = rel.value;
  ctx.plan.relationship(
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
      ...datedProperties(v, ctx),
      ...evidenceProperties(v.evidence),
      ...citationProperties(v.evidence, v.citations),
    },
    v.key,
  );
  for (const e of v.evidence) {
    ctx.plan.mention(e.documentId, v.source, e.quote);
    ctx.plan.mention(e.documentId, v.target, e.quote);
  }
}

/** One MENTIONS relationship from each document to each entity it gives evidence for. */
export function planMentions(ctx: PlanContext): void {
  for (const [documentId, byEntity] of ctx.plan.mentions) {
    const spans = eventSpans(documentWindow(ctx, documentId));
    for (const [entityId, quotes] of byEntity) {
      if (entityId === documentId) continue;
      ctx.plan.relationship('MENTIONS', documentId, entityId, {
        ...spans,
        evidenceDocumentIds: quotes.map(() => documentId),
        evidenceQuotes: quotes,
      });
    }
  }
}
