/**
 * The chart's time axis, pure: days as numbers (days since 1970-01-01, UTC), a linear scale from a
 * range of days to pixels, zooming about a point, panning, the default range that fits the data, and
 * the ticks to label. Everything is in whole days so a date never shifts with the time zone.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → days since the epoch. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** Days since the epoch → `YYYY-MM-DD`. */
export function dayString(n: number): string {
  return new Date(Math.round(n) * DAY_MS).toISOString().slice(0, 10);
}

/** The first and last day a date of any precision (`2017`, `2017-06`, `2017-06-12`, `a/b`) stands for. */
export function daysOf(value: string): { start: string; end: string } | null {
  const parts = value.split('/');
  if (parts.length === 2) {
    const a = daysOf(parts[0] ?? '');
    const b = daysOf(parts[1] ?? '');
    return a && b ? { start: a.start, end: b.end } : null;
  }
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  if (d !== undefined) return { start: value, end: value };
  if (m !== undefined) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { start: `${y}-${m}-01`, end: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

export interface Range {
  /** First and last day shown, as day numbers. */
  start: number;
  end: number;
}

export interface Scale {
  range: Range;
  /** Pixels the range is drawn across, from `x0`. */
  x0: number;
  width: number;
  x(day: number): number;
  day(x: number): number;
}

export function createScale(range: Range, x0: number, width: number): Scale {
  const span = Math.max(1, range.end - range.start);
  const k = width / span;
  return {
    range,
    x0,
    width,
    x: (day) => x0 + (day - range.start) * k,
    day: (x) => range.start + (x - x0) / k,
  };
}

/** The shortest and longest ranges one may zoom to: a month, and a century. */
export const MIN_SPAN = 30;
export const MAX_SPAN = 36_525;

/**
 * The range that fits the data, padded by a twentieth on each side and widened to whole years, so
 * that the first and last bars do not touch the edges. With no data, the last ten years before `today`.
 */
export function fitRange(extent: { start: string | null; end: string | null }, today: string): Range {
  const end = extent.end ?? extent.start ?? today;
  const start = extent.start ?? dayString(dayNumber(end) - 3650);
  const s = dayNumber(start);
  const e = Math.max(dayNumber(end), s + MIN_SPAN);
  const pad = Math.max(15, Math.round((e - s) / 20));
  const from = dayNumber(`${dayString(s - pad).slice(0, 4)}-01-01`);
  const to = dayNumber(`${Number(dayString(e + pad).slice(0, 4)) + 1}-01-01`) - 1;
  return { start: from, end: to };
}

/** Zooms by `factor` (> 1 zooms in) keeping the day under `anchor` where it is. */
export function zoom(range: Range, factor: number, anchor: number): Range {
  const span = range.end - range.start;
  const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span / factor));
  const t = span === 0 ? 0.5 : (anchor - range.start) / span;
  const start = anchor - t * next;
  return { start: Math.round(start), end: Math.round(start + next) };
}

/** Moves the range by `days` (positive: later). */
export function pan(range: Range, days: number): Range {
  const d = Math.round(days);
  return { start: range.start + d, end: range.end + d };
}

export interface Tick {
  day: number;
  label: string;
  /** A year tick is drawn stronger than a month's. */
  major: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Ticks at years (every 1, 2, 5 or 10 years, so labels at least `minGap` pixels apart), or at months
 * when a year is wide enough to label them.
 */
export function ticks(scale: Scale, minGap = 56): Tick[] {
  const pxPerDay = scale.width / Math.max(1, scale.range.end - scale.range.start);
  const firstYear = Number(dayString(scale.range.start).slice(0, 4));
  const lastYear = Number(dayString(scale.range.end).slice(0, 4));
  const out: Tick[] = [];
  const yearPx = pxPerDay * 365;
  if (yearPx / 4 >= minGap) {
    const step = yearPx / 12 >= minGap ? 1 : yearPx / 6 >= minGap ? 2 : 3;
    for (let y = firstYear; y <= lastYear; y += 1)
      for (let m = 0; m < 12; m += step) {
        const day = dayNumber(`${y}-${String(m + 1).padStart(2, '0')}-01`);
        if (day < scale.range.start || day > scale.range.end) continue;
        out.push({ day, label: m === 0 ? String(y) : (MONTHS[m] ?? ''), major: m === 0 });
      }
    return out;
  }
  const step = [1, 2, 5, 10, 20, 50].find((s) => s * yearPx >= minGap) ?? 100;
  for (let y = Math.ceil(firstYear / step) * step; y <= lastYear; y += step) {
    const day = dayNumber(`${y}-01-01`);
    if (day >= scale.range.start && day <= scale.range.end) out.push({ day, label: String(y), major: true });
  }
  return out;
}
