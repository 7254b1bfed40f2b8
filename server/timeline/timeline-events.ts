import type { Evidence, TimelineEvent } from '../../graph/contract/api.ts';
import { evidenceOf, type Props } from '../../graph/contract/elements.ts';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

type Precision = TimelineEvent['precision'];
function precision(date: string): Precision {
  if (date.includes('/')) return 'bounded';
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}
function dated(notBefore: string, notAfter: string): string {
  return notBefore === notAfter ? notBefore : `${notBefore}/${notAfter}`;
}

export interface TimelineRows {
  tenures: { tenure: Props; post: string; person: { id: string; name: string } }[];
  inspections: Props[];
  reports: Props[];
  findings: { finding: Props | null; by: Props | null }[];
  statements: {
    statement: Props | null;
    speaker: { id: string; name: string };
    about: { id: string; name: string } | null;
  }[];
  documents: { document: Props; quotes: string[] }[];
}

/** Builds the dated events of a timeline; anything the sources give no date for is left out. */
export function timelineEvents(rows: TimelineRows): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const push = (e: Omit<TimelineEvent, 'precision'>) => events.push({ ...e, precision: precision(e.date) });

  for (const { tenure, post, person } of rows.tenures) {
    const capacity = str(tenure.capacity);
    const title = `${person.name}: ${capacity ? `${capacity} ` : ''}${post}`;
    const from = str(tenure.from);
    const to = str(tenure.to);
    if (from)
      push({
        date: from,
        kind: 'tenure',
        id: String(tenure.id),
        title: `${title} (start)`,
        detail: to ? `until ${to}` : null,
        relatedIds: [person.id, String(tenure.postId)],
        evidence: evidenceOf(tenure),
      });
    if (to)
      push({
        date: to,
        kind: 'tenure',
        id: String(tenure.id),
        title: `${title} (end)`,
        detail: null,
        relatedIds: [person.id, String(tenure.postId)],
        evidence: evidenceOf(tenure),
      });
    const ids = strings(tenure.attestationDocumentIds);
    const quotes = strings(tenure.attestationQuotes);
    const nb = strings(tenure.attestationNotBefore);
    const na = strings(tenure.attestationNotAfter);
    ids.forEach((documentId, i) => {
      const notBefore = nb[i];
      if (!notBefore) return;
      push({
        date: dated(notBefore, na[i] ?? notBefore),
        kind: 'attestation',
        id: `${String(tenure.id)}@${i}`,
        title: `${title}: in post (attested)`,
        detail: 'A source of this date shows the person in post.',
        relatedIds: [person.id, String(tenure.postId), documentId],
        evidence: [{ documentId, quote: quotes[i] ?? '' }],
      });
    });
  }
  const bounds = (x: Props) => (str(x.notBefore) && str(x.notAfter) ? `${x.notBefore}/${x.notAfter}` : null);
  for (const i of rows.inspections) {
    const from = str(i.from) ?? bounds(i);
    if (!from) continue;
    const to = str(i.to);
    push({
      date: from,
      kind: 'inspection',
      id: String(i.id),
      title: String(i.name),
      detail: to && to !== from ? `fieldwork until ${to}` : null,
      relatedIds: [],
      evidence: evidenceOf(i),
    });
  }
  for (const r of rows.reports) {
    const published = str(r.published) ?? bounds(r);
    if (!published) continue;
    push({
      date: published,
      kind: 'report',
      id: String(r.id),
      title: String(r.name),
      detail: str(r.kind),
      relatedIds: [],
      evidence: evidenceOf(r),
    });
  }
  for (const { finding, by } of rows.findings) {
    if (!finding || !by) continue;
    const date = str(by.published) ?? str(by.from) ?? bounds(by);
    if (!date) continue;
    push({
      date,
      kind: 'finding',
      id: String(finding.id),
      title: String(finding.text ?? finding.name),
      detail: `${String(finding.kind)} — ${String(by.name)}`,
      relatedIds: [String(by.id)],
      evidence: evidenceOf(finding),
    });
  }
  for (const { statement, speaker, about } of rows.statements) {
    if (!statement) continue;
    const date = str(statement.date);
    if (!date) continue;
    const evidence: Evidence[] = evidenceOf(statement);
    push({
      date,
      kind: 'statement',
      id: String(statement.id),
      title: `${speaker.name} said`,
      detail: str(statement.text),
      relatedIds: [speaker.id, ...(about ? [about.id] : [])],
      evidence,
    });
  }
  for (const { document, quotes } of rows.documents) {
    const date =
      str(document.published) ??
      dated(String(document.publishedNotBefore), String(document.publishedNotAfter));
    push({
      date,
      kind: 'document',
      id: String(document.id),
      title: String(document.name),
      detail: null,
      relatedIds: [],
      evidence: quotes.map((quote) => ({ documentId: String(document.id), quote })),
    });
  }
  const sortKey = (e: TimelineEvent) => e.date.split('/')[0] ?? e.date;
  const kindOrder = ['inspection', 'report', 'finding', 'tenure', 'attestation', 'statement', 'document'];
  return events.sort(
    (a, b) =>
      sortKey(a).localeCompare(sortKey(b)) ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      a.title.localeCompare(b.title),
  );
}
