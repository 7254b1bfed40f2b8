import { isDeepStrictEqual } from 'node:util';

/** The last day a timeline date can stand for: `2017` → 2017-12-31, `a/b` → the last day of b. */
export function latestDayOf(date: string): string {
  const end = date.includes('/') ? (date.split('/')[1] ?? date) : date;
  const [y, m, d] = end.split('-');
  if (d) return end;
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return `${y}-${m}-${String(last).padStart(2, '0')}`;
  }
  return `${y}-12-31`;
}

/** Differences between stored properties and the expected ones; null expects the property unset. */
export function propertyProblems(
  actual: Record<string, unknown>,
  expected: Record<string, unknown> | undefined,
): string[] {
  if (!expected) return [];
  return Object.entries(expected).flatMap(([key, want]) => {
    const got = actual[key] ?? null;
    return isDeepStrictEqual(got, want)
      ? []
      : [`${key} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`];
  });
}

/** True when both hold the same rows, in any order. */
export function sameRows(actual: readonly unknown[][], expected: readonly unknown[][]): boolean {
  const key = (row: readonly unknown[]) => JSON.stringify(row);
  const a = actual.map(key).sort();
  const b = expected.map(key).sort();
  return isDeepStrictEqual(a, b);
}
