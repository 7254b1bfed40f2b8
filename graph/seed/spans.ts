import type { DateWindow } from './dating.ts';
import { earliestDay, latestDay } from './partial-date.ts';

/**
 * The days used to filter by date, kept apart by how sure they are. Between `spanStart` and
 * `spanEnd` a fact is *possibly* in force (outside, certainly not); between `certainStart` and
 * `certainEnd` it is *certainly* in force. A missing `spanStart`/`spanEnd` is open; a missing
 * `certainStart` means never certain, and a missing `certainEnd` (with a `certainStart`) means
 * certain from then on, which only events have: once a finding is found it stays found.
 */
export type Spans = {
  spanStart?: string;
  spanEnd?: string;
  certainStart?: string;
  certainEnd?: string;
};

/** An event dated within `window`: possibly happened from its first day, certainly by its last. */
export function eventSpans(window: DateWindow | null | undefined): Spans {
  if (!window) return {};
  return { spanStart: earliestDay(window.notBefore), certainStart: latestDay(window.notAfter) };
}

/**
 * Something that held from a start to an end. Certain only between the latest day the start can
 * stand for and the earliest day the end can; with no stated end it is never certain (a stated start
 * with no end is "possible" after it), and with no stated start it is possible from the fallback.
 */
export function intervalSpans(
  from: DateWindow | null | undefined,
  to: DateWindow | null | undefined,
  envelope: { start?: string; end?: string } = {},
): Spans {
  const spans: Spans = {
    spanStart: from ? earliestDay(from.notBefore) : envelope.start,
    spanEnd: to ? latestDay(to.notAfter) : from ? undefined : envelope.end,
  };
  if (from && to) {
    const certainStart = latestDay(from.notAfter);
    const certainEnd = earliestDay(to.notBefore);
    if (certainStart <= certainEnd) Object.assign(spans, { certainStart, certainEnd });
  }
  return spans;
}
