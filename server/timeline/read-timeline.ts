import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Timeline } from '../../graph/contract/api.ts';
import type { Props } from '../../graph/contract/elements.ts';
import type { Graph } from '../../graph/driver.ts';
import { AppError } from '../../graph/errors.ts';
import type { ReadStatements } from '../../graph/switch-guard.ts';
import { windowOfShown } from '../accountability/certainty.ts';
import { scopeAt } from '../accountability/scope.ts';
import { type TimelineRows, timelineEvents } from './timeline-events.ts';
import { AREA_INSPECTIONS, ORG_TIMELINE, PERSON_TIMELINE } from './timeline-queries.ts';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

interface AreaInspectionRow {
  inspection: Props;
  responsible: { id: string; name: string; validFrom: string | null; validTo: string | null; rel: Props }[];
}

/**
 * Of the inspections of areas `orgId` is named responsible for, those of a time when it may have
 * answered for the area (the same rule as the accountability panel's).
 */
export function inspectionsAnsweredFor(orgId: string, rows: readonly AreaInspectionRow[]): string[] {
  return rows.flatMap(({ inspection, responsible }) => {
    // With fieldwork dates, the bodies of the fieldwork; known only within bounds, the bodies of the
    // day it is known by (its latest day: by then it had happened and been reported), not every body
    // of the years the bounds span.
    const fieldwork = str(inspection.from) ?? str(inspection.to);
    const from = fieldwork ? fieldwork : (str(inspection.notAfter) ?? str(inspection.notBefore));
    const to = (fieldwork ? str(inspection.to) : null) ?? from;
    if (!from || !to) return [String(inspection.id)];
    const candidates = responsible.map((r) => {
      const notBefore = str(r.rel.notBefore) ?? str(r.rel.date);
      const notAfter = str(r.rel.notAfter) ?? str(r.rel.date);
      return {
        id: r.id,
        name: r.name,
        relation: 'responsible for the area',
        validFrom: r.validFrom,
        validTo: r.validTo,
        successors: [],
        responsibleAt: notBefore && notAfter ? { notBefore, notAfter } : null,
      };
    });
    const scope = scopeAt(candidates, windowOfShown(from === to ? from : `${from}/${to}`));
    return scope.some((s) => s.id === orgId) ? [String(inspection.id)] : [];
  });
}

/** The timeline of an organisation or a person. */
export async function readTimeline(
  graph: Graph,
  subject: { org: string } | { person: string },
): Promise<Timeline> {
  const [id, what] = 'org' in subject ? [subject.org, 'organisation'] : [subject.person, 'person'];
  return graph.read(async (tx: ReadStatements) => {
    let record: Neo4jRecord | undefined;
    if ('org' in subject) {
      const area = (await tx.run(AREA_INSPECTIONS, { id })).records.map((r) => ({
        inspection: r.get('inspection') as Props,
        responsible: r.get('responsible') as AreaInspectionRow['responsible'],
      }));
      record = (await tx.run(ORG_TIMELINE, { id, areaInspections: inspectionsAnsweredFor(id, area) }))
        .records[0];
    } else {
      record = (await tx.run(PERSON_TIMELINE, { id })).records[0];
    }
    if (!record) throw new AppError('NOT_FOUND', `No ${what} with id '${id}'`, { id });
    const rows: TimelineRows = {
      tenures: (record.get('tenures') as TimelineRows['tenures']).filter(Boolean),
      inspections: record.get('inspections'),
      reports: record.get('reports'),
      findings: record.get('findings'),
      statements: (record.get('statements') as TimelineRows['statements']).filter(Boolean),
      documents: (record.get('documents') as TimelineRows['documents']).filter(Boolean),
      vacantPosts: record.get('vacantPosts'),
    };
    const found = record.get('subject') as { id: string; name: string };
    return { subject: { ...found, label: String(record.get('label')) }, events: timelineEvents(rows) };
  });
}
