/**
 * Dates as the sources give them: `2017`, `2017-06` or `2017-06-12`, and intervals `a/b` for a date
 * known only within bounds. Formatting keeps the precision: a month is never shown as a day.
 * Month names are spelt here rather than taken from Intl so that output does not depend on the locale.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type Precision = 'year' | 'month' | 'day' | 'bounded';
export type MonthStyle = 'long' | 'short';

function monthName(month: number, style: MonthStyle): string | null {
  const name = MONTHS[month - 1];
  if (!name) return null;
  return style === 'long' ? name : name.slice(0, 3);
}

/** `2017` → "2017", `2017-06` → "June 2017", `2017-06-12` → "12 June 2017", `a/b` → "between … and …". */
export function formatDate(value: string, style: MonthStyle = 'long'): string {
  const bounds = interval(value);
  if (bounds) return formatBetween(bounds[0], bounds[1]);
  const match = PARTIAL.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  if (month === undefined) return String(year);
  const name = monthName(Number(month), style);
  if (!name) return value;
  if (day === undefined) return `${name} ${year}`;
  return `${Number(day)} ${name} ${year}`;
}

/** The two bounds of `a/b` when both are dates, else null (so "CQC/Ofsted" stays text). */
function interval(value: string): [string, string] | null {
  const parts = value.split('/');
  if (parts.length !== 2) return null;
  const [a = '', b = ''] = parts;
  return PARTIAL.test(a) && PARTIAL.test(b) ? [a, b] : null;
}

/** A date known only to lie between two bounds, as "between 16 Jun 2017 and 21 Nov 2017". */
export function formatBetween(notBefore: string, notAfter: string): string {
  if (notBefore === notAfter) return formatDate(notBefore);
  return `between ${formatDate(notBefore, 'short')} and ${formatDate(notAfter, 'short')}`;
}

/** A timeline event's date with the precision the server reports for it. */
export function formatEventDate(date: string, precision: Precision): string {
  if (precision !== 'bounded' || interval(date)) return formatDate(date);
  // A bounded date sent as a single value: say that it is not exact rather than pretend it is.
  return `${formatDate(date)} (exact date not known)`;
}

/** A tenure or relationship's span: "from June 2017 to 2019", "from 2017", "until 2019". */
export function formatSpan(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return from === to ? formatDate(from) : `from ${formatDate(from)} to ${formatDate(to)}`;
  if (from) return `from ${formatDate(from)}`;
  if (to) return `until ${formatDate(to)}`;
  return 'dates not given by the sources';
}

export function precisionOf(value: string): Precision | null {
  if (interval(value)) return 'bounded';
  const match = PARTIAL.exec(value);
  if (!match) return null;
  return match[2] === undefined ? 'year' : match[3] === undefined ? 'month' : 'day';
}
