import type { Evidence, TimelineEvent } from '../../graph/contract/api.ts';
import { evidenceOf, type Props } from '../../graph/contract/elements.ts';
import { attestationsOf, endOf, periodsOf, str, vacanciesOf } from '../accountability/tenure-props.ts';

type Precision = TimelineEvent['precision'];
function precision(date: string): Precision {
  if (date.includes('/')) return 'bounded';
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}
function dated(notBefore: string, notAfter: string): string {
  return notBefore === notAfter ? notBefore : `${notBefore}/${notAfter}`;
}
const bounds = (x: Props) =>
  str(x.notBefore) && str(x.notAfter) ? dated(String(x.notBefore), String(x.notAfter)) : null;
/** An inspection's fieldwork as a range (`from/to`), or its one date. */
const fieldwork = (x: Props) => {
  const from = str(x.from);
  const to = str(x.to);
  return from && to && from !== to ? `${from}/${to}` : (from ?? to);
};

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
  vacantPosts: Props[];
}

type Push = (e: Omit<TimelineEvent, 'precision'>) => void;

/** A tenure's stated start and end, each source that attests it, its periods and how it ended. */
function tenureEvents({ tenure, post, person }: TimelineRows['tenures'][number], push: Push): void {
  const capacity = str(tenure.capacity);
  const title = `${person.name}: ${capacity ? `${capacity} ` : ''}${post}`;
  const related = [person.id, String(tenure.postId)];
  const id = String(tenure.id);
  const from = str(tenure.from);
  const to = str(tenure.to);
  if (from)
    push({
      date: from,
      kind: 'tenure',
      id,
      title: `${title} (start)`,
      detail: to ? `until ${to}` : null,
      relatedIds: related,
      evidence: evidenceOf(tenure),
    });
  if (to)
    push({
      date: to,
      kind: 'tenure',
      id,
      title: `${title} (end)`,
      detail: null,
      relatedIds: related,
      evidence: evidenceOf(tenure),
    });
  attestationsOf(tenure).forEach((a, i) => {
    push({
      date: a.date,
      kind: 'attestation',
      id: `${id}@${i}`,
      title: `${title}: in post (attested)`,
      detail: 'A source of this date shows the person in post.',
      relatedIds: [...related, a.documentId],
      evidence: [{ documentId: a.documentId, quote: a.quote }],
    });
  });
  periodsOf(tenure).forEach(({ view }, i) => {
    const date = view.from ?? view.reported;
    if (!date) return;
    push({
      date,
      kind: 'tenure',
      id: `${id}#period-${i}`,
      title: `${title}: ${view.kind.replace('-', ' ')}`,
      detail: view.to ? `until ${view.to}` : view.from ? 'no end known' : 'reported by a source of this date',
      relatedIds: related,
      evidence: view.evidence,
    });
  });
  const end = endOf(tenure);
  if (end?.date && end.date !== to) {
    push({
      date: end.date,
      kind: 'tenure',
      id: `${id}#end`,
      title: `${title} (ended: ${end.reason.replace(/-/g, ' ')})`,
      detail: null,
      relatedIds: related,
      evidence: end.evidence,
    });
  }
}

/** Builds the dated events of a timeline; anything the sources give no date for is left out. */
export function timelineEvents(rows: TimelineRows): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const push: Push = (e) => events.push({ ...e, precision: precision(e.date) });

  for (const row of rows.tenures) tenureEvents(row, push);
  for (const post of rows.vacantPosts) {
    vacanciesOf(post).forEach((v, i) => {
      push({
        date: v.date,
        kind: 'vacancy',
        id: `${String(post.id)}#vacancy-${i}`,
        title: `${String(post.name)}: vacant`,
        detail: 'A source states the post vacant.',
        relatedIds: [String(post.id)],
        evidence: v.evidence,
      });
    });
  }
  for (const i of rows.inspections) {
    const date = fieldwork(i) ?? bounds(i);
    if (!date) continue;
    push({
      date,
      kind: 'inspection',
      id: String(i.id),
      title: String(i.name),
      detail: null,
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
    // A finding is dated by its report, or by the whole fieldwork of its inspection, not its first day.
    const date = str(by.published) ?? fieldwork(by) ?? bounds(by);
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
    // The window the loader narrowed the statement to (its document's date or bounds), else its date.
    const date = bounds(statement) ?? str(statement.date);
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
  const kindOrder = [
    'inspection',
    'report',
    'finding',
    'tenure',
    'attestation',
    'vacancy',
    'statement',
    'document',
  ];
  return events.sort(
    (a, b) =>
      sortKey(a).localeCompare(sortKey(b)) ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      a.title.localeCompare(b.title),
  );
}
