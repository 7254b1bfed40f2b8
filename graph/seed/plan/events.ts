import type { Finding, Inspection, Report } from '../schema.ts';
import { eventSpans } from '../spans.ts';
import { evidenceProperties } from './builder.ts';
import { boundsProperties, eventWindow, type PlanContext } from './context.ts';
import type { EntityPart } from './entity.ts';

export function planInspection(inspection: Inspection): EntityPart {
  return {
    properties: {
      kind: inspection.kind,
      framework: inspection.framework,
      from: inspection.from,
      to: inspection.to,
      outcome: inspection.outcome,
      ...boundsProperties(inspection.dateBounds),
    },
  };
}

export function planReport(report: Report): EntityPart {
  return {
    properties: {
      kind: report.kind,
      published: report.published,
      outcome: report.outcome,
      ...boundsProperties(report.dateBounds),
    },
  };
}

/** A finding, and the FOUND relationship from the report or inspection that made it. */
export function planFinding(finding: Finding, { plan, entitiesById }: PlanContext): EntityPart {
  plan.relationship('FOUND', finding.foundBy, finding.id, {
    // Found during the fieldwork (or by the report's date): possibly from its first day, certainly by its last.
    ...eventSpans(eventWindow(entitiesById.get(finding.foundBy), entitiesById)),
    ...evidenceProperties(finding.evidence),
  });
  return {
    properties: {
      text: finding.text,
      kind: finding.kind,
      theme: finding.theme,
      value: finding.value,
      foundById: finding.foundBy,
    },
  };
}
