import { z } from 'zod';

/**
 * A date that keeps its precision: `2017`, `2017-06` or `2017-06-12`.
 * It is never widened into a day; where a day is needed for comparison we use the earliest
 * and latest day it can stand for, and say which one we use.
 */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type DatePrecision = 'year' | 'month' | 'day';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a string is not a valid partial date, or null when it is one. */
export function partialDateProblem(value: string): string | null {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return `'${value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(match[1]);
  if (year < 1800 || year > 2200) return `'${value}' has an implausible year`;
  if (match[2] === undefined) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `'${value}' has no month ${match[2]}`;
  if (match[3] === undefined) return null;
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month))
    return `'${value}' is not a day: ${year}-${match[2]} has no day ${match[3]}`;
  return null;
}

export const PartialDateSchema = z.string().superRefine((value, ctx) => {
  const problem = partialDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
export type PartialDate = z.infer<typeof PartialDateSchema>;

export function precisionOf(date: PartialDate): DatePrecision {
  const parts = date.split('-').length;
  return parts === 1 ? 'year' : parts === 2 ? 'month' : 'day';
}

/** The first day a partial date can stand for, as YYYY-MM-DD. */
export function earliestDay(date: PartialDate): string {
  const [y, m, d] = date.split('-');
  return `${y}-${m ?? '01'}-${d ?? '01'}`;
}

/** The last day a partial date can stand for, as YYYY-MM-DD. */
export function latestDay(date: PartialDate): string {
  const [y, m, d] = date.split('-');
  if (d) return date;
  if (m) return `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}`;
  return `${y}-12-31`;
}

/** True when `later` certainly does not end before `earlier` begins (used for `to` not before `from`). */
export function endsNotBefore(earlier: PartialDate, later: PartialDate): boolean {
  return latestDay(later) >= earliestDay(earlier);
}

/** A day given in full, as the API takes for `at=`. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD')
  .superRefine((value, ctx) => {
    const problem = partialDateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
