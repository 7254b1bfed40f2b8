/** Summary statistics for benchmark samples. Pure, so unit-tested without a database. */

export interface Summary {
  count: number;
  min: number;
  median: number;
  mean: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of already sorted samples by linear interpolation between the closest
 * ranks (the "R-7" definition used by NumPy and spreadsheets), so p50 of [1, 2, 3, 4] is 2.5.
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no samples');
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile must lie in [0, 1], got ${q}`);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const below = sorted[lower] as number;
  const above = sorted[upper] as number;
  return below + (above - below) * (position - lower);
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('cannot summarise an empty set of samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    min: sorted[0] as number,
    median: quantileSorted(sorted, 0.5),
    mean: sum / sorted.length,
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted[sorted.length - 1] as number,
  };
}

/** Items per second for `count` items done in `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  if (ms <= 0) throw new Error(`a duration must be positive to give a rate, got ${ms} ms`);
  return (count * 1000) / ms;
}

/** Rounds to a fixed number of decimals for reports (timings to 0.01 ms are already noise). */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The longest chain of calls each started after the previous one's answer. */
export function rounds(calls: ReadonlyArray<{ start: number; end: number }>): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((call, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) {
      const before = sorted[j];
      if (before && before.end <= call.start) best = Math.max(best, depth[j] ?? 0);
    }
    depth.push(best + 1);
  });
  return Math.max(0, ...depth);
}
