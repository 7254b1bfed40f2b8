import { earliestDay, latestDay } from './partial-date.ts';
import type { Evidence } from './schema.ts';

/**
 * When something happened or held, as honestly as the sources allow: between two partial dates
 * (`2017`, `2017-06`, `2017-06-12`), which are equal when a source gives one date. Nothing here
 * ever widens a year or a month into a day; days appear only in the spans used for filtering.
 */
export interface DateWindow {
  notBefore: string;
  notAfter: string;
}

/** A window as one string: the date itself, or `notBefore/notAfter`. */
export function shown(window: DateWindow): string {
  return window.notBefore === window.notAfter ? window.notBefore : `${window.notBefore}/${window.notAfter}`;
}

export function pointWindow(date: string): DateWindow {
  return { notBefore: date, notAfter: date };
}

/** Of two lower bounds, the later; when they begin on the same day, the more precise one. */
function laterStart(a: string, b: string): string {
  const da = earliestDay(a);
  const db = earliestDay(b);
  if (da === db) return a.length >= b.length ? a : b;
  return da > db ? a : b;
}

/** Of two upper bounds, the earlier; when they end on the same day, the more precise one. */
function earlierEnd(a: string, b: string): string {
  const da = latestDay(a);
  const db = latestDay(b);
  if (da === db) return a.length >= b.length ? a : b;
  return da < db ? a : b;
}

/**
 * What both windows allow, or null when they exclude each other. A statement dated "2017" in a
 * text published between October and 31 December 2017 is dated October–31 December 2017.
 */
export function intersect(a: DateWindow, b: DateWindow): DateWindow | null {
  const notBefore = laterStart(a.notBefore, b.notBefore);
  const notAfter = earlierEnd(a.notAfter, b.notAfter);
  if (earliestDay(notBefore) > latestDay(notAfter)) return null;
  return { notBefore, notAfter };
}

/** A date given with its own evidence, resolved: its window and the evidence for it. */
export interface DatedFact {
  window: DateWindow;
  evidence: Evidence[];
}

/** `date`, else `notBefore`/`notAfter`, else the fallback (the date of the evidence's document). */
export function windowOfDated(
  d: { date?: string; notBefore?: string; notAfter?: string },
  fallback: () => DateWindow | null,
): DateWindow | null {
  if (d.date) return pointWindow(d.date);
  if (d.notBefore && d.notAfter) return { notBefore: d.notBefore, notAfter: d.notAfter };
  return fallback();
}
