/**
 * Whole days as `YYYY-MM-DD`, for the date slider and the `at=` parameter. All arithmetic is in UTC
 * so that a day never shifts with the browser's time zone.
 */

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function toUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** How many days `day` lies after `origin` (negative before it). */
export function daysBetween(origin: string, day: string): number {
  return Math.round((toUtc(day) - toUtc(origin)) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** The same day of a month `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month - 1, Math.min(d, last)));
}

export function clampDay(day: string, min: string, max: string): string {
  return day < min ? min : day > max ? max : day;
}

/**
 * The day to ask the server about for a date of any precision. A year or month stands for many
 * days; we take its first day and the caller says so, rather than silently treating it as exact.
 */
export function firstDayOf(value: string): string | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const day = `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`;
  return isDay(day) ? day : null;
}
