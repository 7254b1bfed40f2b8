import { evidenceOf, type Props } from '../../graph/contract/elements.ts';
import type { ChartEvent, ChartTenure, DaySpan } from '../../graph/contract/posts-chart.ts';
import { inferredSpans, type PostContext, type Window, windowOfShown } from '../accountability/certainty.ts';
import {
  attestationsOf,
  boundEvidence,
  endOf,
  factsOf,
  periodsOf,
  str,
  vacanciesOf,
} from '../accountability/tenure-props.ts';

/** Builds the chart's pieces from what the loader stores. Pure. */

const overlaps = (a: Window, b: Window) => a.start <= b.end && b.start <= a.end;
const dayOr = (v: unknown, fallback: string) => str(v) ?? fallback;

/** The days a tenure may have run, as stored by the loader (`spanStart`/`spanEnd`, open when absent). */
function possibleSpan(t: Props): DaySpan | null {
  const start = str(t.spanStart);
  const end = str(t.spanEnd);
  return start || end ? { start, end } : null;
}

export interface ChartTenureRow {
  tenure: Props;
  person: { id: string; name: string };
}

/** The tenures of one post with their spans, each judged against the others and the post's vacancies. */
export function chartTenures(post: Props, rows: readonly ChartTenureRow[]): ChartTenure[] {
  const facts = rows.map((r) => factsOf(r.tenure));
  const context: PostContext = { tenures: facts, vacancies: vacanciesOf(post).map((v) => v.window) };
  return rows.map(({ tenure, person }, i) => {
    const f = facts[i] ?? factsOf(tenure);
    return {
      id: String(tenure.id),
      person,
      capacity: str(tenure.capacity),
      status: str(tenure.status),
      from: str(tenure.from),
      to: str(tenure.to) ?? str(tenure.endDate),
      fromEvidence: boundEvidence(tenure, 'from'),
      toEvidence: boundEvidence(tenure, 'to'),
      spans: {
        stated: f.statedFrom ? { start: f.statedFrom.end, end: f.statedTo ? f.statedTo.start : null } : null,
        inferred: inferredSpans(f, context),
        possible: possibleSpan(tenure),
      },
      attestations: attestationsOf(tenure).map(({ window: _w, ...a }) => a),
      periods: periodsOf(tenure).map((p) => p.view),
      end: endOf(tenure),
      evidence: evidenceOf(tenure),
    };
  });
}

/** Whether a tenure may have run at some time in `range`. */
export function tenureInRange(t: ChartTenure, range: Window): boolean {
  const span = t.spans.possible;
  if (!span) return true;
  return overlaps({ start: span.start ?? '0000-01-01', end: span.end ?? '9999-12-31' }, range);
}

function event(
  label: ChartEvent['label'],
  x: Props,
  date: string | null,
  extra: Partial<ChartEvent> = {},
): ChartEvent[] {
  if (!date) return [];
  const w = windowOfShown(date);
  return [
    {
      id: String(x.id),
      label,
      kind: str(x.kind),
      name: dayOr(x.name, dayOr(x.text, String(x.id))),
      date,
      start: w.start,
      end: w.end,
      foundBy: null,
      evidence: evidenceOf(x),
      ...extra,
    },
  ];
}

const range = (a: string | null, b: string | null) => (a && b && a !== b ? `${a}/${b}` : (a ?? b));

/** Inspections (by their fieldwork), reports (by their date or bounds) and findings (by their maker's). */
export function chartEvents(rows: {
  inspections: Props[];
  reports: Props[];
  findings: { finding: Props | null; by: Props | null }[];
}): ChartEvent[] {
  const dateOf = (x: Props) =>
    str(x.published) ?? range(str(x.from), str(x.to)) ?? range(str(x.notBefore), str(x.notAfter));
  return [
    ...rows.inspections.flatMap((i) => event('Inspection', i, dateOf(i))),
    ...rows.reports.flatMap((r) => event('Report', r, dateOf(r))),
    ...rows.findings.flatMap(({ finding, by }) =>
      finding && by ? event('Finding', finding, dateOf(by), { foundBy: String(by.id) }) : [],
    ),
  ].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

/** The days all the data spans: attestations, stated and possible spans, events. */
export function extentOf(tenures: readonly ChartTenure[], events: readonly ChartEvent[]): DaySpan {
  const days: string[] = [];
  for (const t of tenures) {
    for (const a of t.attestations) days.push(windowOfShown(a.date).start, windowOfShown(a.date).end);
    for (const span of [t.spans.stated, t.spans.possible, ...t.spans.inferred]) {
      if (span?.start) days.push(span.start);
      if (span?.end) days.push(span.end);
    }
  }
  for (const e of events) days.push(e.start, e.end);
  days.sort();
  return { start: days[0] ?? null, end: days.at(-1) ?? null };
}
