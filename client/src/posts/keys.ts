import { dayNumber, dayString } from './scale.ts';

/**
 * Where the arrow keys move the date cursor, pure: Left/Right a month, with Shift a year; Home and
 * End are not taken (the page scrolls). Null for any other key, or when there is no cursor to move.
 */
export function cursorKey(key: string, shift: boolean, day: number | null): number | null {
  if (day === null) return null;
  const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  if (step === 0) return null;
  const [y, m, d] = dayString(day).split('-').map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + step * (shift ? 12 : 1);
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayNumber(
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`,
  );
}
