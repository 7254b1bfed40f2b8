/**
 * A side's time in api-scale is measured in stretches that alternate with the other sides' (app,
 * floor, bare, bare-auto, bare-auto, bare, floor, app), so whatever drifts over a run (the JIT warming up, Neo4j's page
 * cache and background work, other processes on the machine) lands on every side about equally
 * instead of on whichever went first. The stretches of one side are then added up into one set of figures. Pure,
 * so unit-tested without a database.
 */
import { addCpu, type CpuPerRequest, type CpuSpent, cpuPerRequest } from './cpu-meter.ts';
import { perSecond, round, summarize } from './stats.ts';

/**
 * The app; the HTTP floor (floor-process.ts); the bare driver script in a managed read transaction,
 * as the driver's manual has it; the bare script as auto-commit queries, as the app reads.
 */
export type Side = 'app' | 'floor' | 'bare' | 'bareAuto';

/** The order of the stretches: mirrored, so each side's two stretches sit as early as late on average. */
export const STRETCH_ORDER: readonly Side[] = [
  'app',
  'floor',
  'bare',
  'bareAuto',
  'bareAuto',
  'bare',
  'floor',
  'app',
];

/** What one stretch of concurrent requests measured. */
export interface Stretch {
  /** Time of each answered request, ms. */
  samples: number[];
  errors: number;
  firstError?: string;
  elapsedMs: number;
  cpu: CpuSpent;
}

export interface RunFigures {
  /** CPU ms per request in each process taking part (see cpu-meter.ts). */
  cpu?: CpuPerRequest;
  requests: number;
  errors: number;
  firstError?: string;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
}

/** One side's figures over all its stretches: percentiles of every sample, rate over their summed time. */
export function sideFigures(stretches: readonly Stretch[]): RunFigures {
  if (stretches.length === 0) throw new Error('a side needs at least one stretch');
  const samples = stretches.flatMap((s) => s.samples);
  const errors = stretches.reduce((n, s) => n + s.errors, 0);
  const elapsedMs = stretches.reduce((ms, s) => ms + s.elapsedMs, 0);
  const cpu = stretches.map((s) => s.cpu).reduce(addCpu);
  const firstError = stretches.find((s) => s.firstError !== undefined)?.firstError;
  const summary = summarize(samples.length > 0 ? samples : [0]);
  return {
    cpu: cpuPerRequest(cpu, samples.length + errors),
    requests: samples.length,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    p50Ms: round(summary.median),
    p95Ms: round(summary.p95),
    p99Ms: round(summary.p99),
    requestsPerSecond: round(perSecond(samples.length, elapsedMs), 1),
  };
}
