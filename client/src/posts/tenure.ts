import type { ChartTenure } from '../../../graph/contract/posts-chart.ts';
import { formatDate, formatSpan } from '../format/dates.ts';
import { dayNumber, daysOf } from './scale.ts';

/**
 * What the chart says about one tenure, pure: its extent in days (everything a source places it
 * in), how sure the sources are overall, the name to write on it, and the hover text.
 */

export type TenureCertainty = 'stated' | 'attested' | 'inferred' | 'possible';

/** Capacities the model knows; anything else is drawn as "other" and named in text. */
export const CAPACITIES = ['substantive', 'interim', 'acting', 'joint'] as const;
export type CapacityKey = (typeof CAPACITIES)[number] | 'other';

export function capacityKey(capacity: string | null): CapacityKey {
  return (CAPACITIES as readonly string[]).includes(capacity ?? '') ? (capacity as CapacityKey) : 'other';
}

/** The strongest certainty any part of the tenure has. */
export function tenureCertainty(t: ChartTenure): TenureCertainty {
  if (t.spans.stated) return 'stated';
  // A source dated only within bounds shows the holder possibly, not certainly, on a given day.
  if (t.attestations.some((a) => !a.date.includes('/'))) return 'attested';
  if (t.spans.inferred.length > 0) return 'inferred';
  return 'possible';
}

export interface DayExtent {
  start: number;
  end: number;
}

function widen(extent: DayExtent | null, start: string | null, end: string | null): DayExtent | null {
  const s = start ?? end;
  const e = end ?? start;
  if (!s || !e) return extent;
  const a = dayNumber(s);
  const b = dayNumber(e);
  if (!extent) return { start: a, end: b };
  return { start: Math.min(extent.start, a), end: Math.max(extent.end, b) };
}

/** The days the tenure's drawing covers: its spans, attestations and periods; null when undated. */
export function tenureExtent(t: ChartTenure): DayExtent | null {
  let extent: DayExtent | null = null;
  const { stated, inferred, possible } = t.spans;
  if (possible) extent = widen(extent, possible.start, possible.end);
  if (stated) extent = widen(extent, stated.start, stated.end);
  for (const span of inferred) extent = widen(extent, span.start, span.end);
  for (const a of t.attestations) extent = widen(extent, a.notBefore, a.notAfter);
  for (const p of t.periods) {
    const from = p.from ? daysOf(p.from)?.start : undefined;
    const to = p.to ? daysOf(p.to)?.end : undefined;
    extent = widen(extent, from ?? null, to ?? null);
  }
  return extent;
}

/**
 * The last day the evidence shows a tenure with a stated start and no stated end: the end of its
 * inferred spans, its attestations and its periods. Beyond it only the possible window is drawn.
 */
export function lastEvidencedDay(t: ChartTenure): string | null {
  const days: string[] = [];
  if (t.spans.stated?.start) days.push(t.spans.stated.start);
  for (const span of t.spans.inferred) if (span.end) days.push(span.end);
  for (const a of t.attestations) days.push(a.notBefore);
  for (const p of t.periods) {
    const d = p.from ? daysOf(p.from)?.start : null;
    if (d) days.push(d);
  }
  return days.length === 0 ? null : ([...days].sort().at(-1) ?? null);
}

/** The name written on the bar: the holder, and the capacity unless substantive (legible without colour). */
export function tenureLabel(t: ChartTenure): string {
  const key = capacityKey(t.capacity);
  if (key === 'substantive') return t.person.name;
  return `${t.person.name} (${t.capacity ?? 'capacity not stated'})`;
}

const CERTAINTY_TEXT: Record<TenureCertainty, string> = {
  stated: 'stated by a source',
  attested: 'attested: a source of the time shows them in post',
  inferred: 'inferred between sources, nothing contradicting in between',
  possible: 'possible: the sources allow it but do not show it',
};

export function certaintyText(c: TenureCertainty): string {
  return CERTAINTY_TEXT[c];
}

/** Hover text: holder, post, capacity, the dates with their precision, and how sure. */
export function tenureSummary(t: ChartTenure, postTitle: string): string {
  const lines = [
    `${t.person.name}: ${postTitle}`,
    `Capacity: ${t.capacity ?? 'not stated'}${t.status ? ` (${t.status})` : ''}`,
    `Dates: ${formatSpan(t.from, t.to)}`,
    `Certainty: ${certaintyText(tenureCertainty(t))}`,
  ];
  const { possible } = t.spans;
  if (possible && (possible.start || possible.end))
    lines.push(
      `At most: ${possible.start ? formatDate(possible.start) : 'start unknown'} to ${possible.end ? formatDate(possible.end) : 'end unknown'}`,
    );
  for (const p of t.periods) lines.push(`${p.kind}: ${formatSpan(p.from, p.to)}`);
  if (t.end) lines.push(`Ended: ${t.end.reason}${t.end.date ? `, ${formatDate(t.end.date)}` : ''}`);
  lines.push(`Sources: ${sourceCount(t)}`);
  return lines.join('\n');
}

/** Every document cited for the tenure, once each, in order of first citation. */
export function tenureSources(t: ChartTenure): string[] {
  const ids = [
    ...t.fromEvidence,
    ...t.toEvidence,
    ...t.evidence,
    ...t.attestations,
    ...t.periods.flatMap((p) => p.evidence),
    ...(t.end?.evidence ?? []),
  ].map((e) => e.documentId);
  return [...new Set(ids)];
}

function sourceCount(t: ChartTenure): number {
  return tenureSources(t).length;
}
