/**
 * Partial dates as the exports need them. A date keeps its precision (`2017`, `2017-06`,
 * `2017-06-12`); where a format can only hold a day (GEXF spells) we use the earliest or latest day
 * it can stand for and keep the date as given beside it. (graph/export may import only the
 * contract, so these few rules live here rather than in graph/seed.)
 */

export type Precision = 'year' | 'month' | 'day';

export function precisionOf(date: string): Precision {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}

/** Wikidata's time precision: 9 year, 10 month, 11 day. */
export function wikidataPrecision(date: string): 9 | 10 | 11 {
  const p = precisionOf(date);
  return p === 'year' ? 9 : p === 'month' ? 10 : 11;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function earliestDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}-${m ?? '01'}-${d ?? '01'}`;
}

export function latestDay(date: string): string {
  const [y, m, d] = date.split('-');
  if (d) return date;
  if (m) return `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}`;
  return `${y}-12-31`;
}

/** `2017-06-16/2017-11-21` for bounds, the date itself when both ends are the same. */
export function boundsText(notBefore: string, notAfter: string): string {
  return notBefore === notAfter ? notBefore : `${notBefore}/${notAfter}`;
}

/** Reads `a/b` bounds or a single partial date back into its two ends. */
export function parseBounds(text: string): { notBefore: string; notAfter: string } {
  const [notBefore, notAfter] = text.split('/');
  return { notBefore: notBefore ?? text, notAfter: notAfter ?? notBefore ?? text };
}
