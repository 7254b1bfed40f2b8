/** Measuring one step and describing repeated measurements. */
import { round, summarize } from './stats.ts';

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  samplesMs: number[];
}

/** Runs `work` and returns its result with the wall-clock time it took. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

export function timing(samplesMs: readonly number[]): Timing {
  const summary = summarize(samplesMs);
  return {
    medianMs: round(summary.median),
    minMs: round(summary.min),
    maxMs: round(summary.max),
    samplesMs: samplesMs.map((ms) => round(ms)),
  };
}
