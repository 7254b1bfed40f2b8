/**
 * Before api-scale's first request: a large load leaves Neo4j with work of its own to do (flushing
 * the pages the load dirtied, collecting its garbage), which would land in whichever side's stretch
 * came first. So the bench waits until Neo4j's process is quiet, bounded in time, and says in the
 * results how long that took and whether it got there. (Community edition has no procedure to ask
 * for a checkpoint; its own checkpoints run when they are due.)
 */
import { processCpuMs } from './cpu-meter.ts';

/** Quiet: Neo4j's process used less than this share of one core over a whole window. */
export const QUIET_SHARE = 0.1;
const WINDOW_MS = 2_000;
const MAX_WAIT_MS = 120_000;

export interface Settled {
  /** Until Neo4j was quiet, or the wait gave up. */
  waitedMs: number;
  /** Undefined when Neo4j's CPU cannot be read (it runs elsewhere): nothing is waited for. */
  quiet?: boolean;
}

export interface QuietOptions {
  /** Reads the process's CPU ms so far; undefined when it cannot. */
  cpuMs: () => number | undefined;
  windowMs?: number;
  maxWaitMs?: number;
  share?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Waits window by window until one used under `share` of a core; false if `maxWaitMs` ran out first. */
export async function waitForQuiet(options: QuietOptions): Promise<boolean | undefined> {
  const {
    cpuMs,
    windowMs = WINDOW_MS,
    maxWaitMs = MAX_WAIT_MS,
    share = QUIET_SHARE,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    now = () => performance.now(),
  } = options;
  const started = now();
  let before = cpuMs();
  if (before === undefined) return undefined;
  while (now() - started < maxWaitMs) {
    const windowStart = now();
    await sleep(windowMs);
    const after = cpuMs();
    if (after === undefined) return undefined;
    if ((after - before) / (now() - windowStart) < share) return true;
    before = after;
  }
  return false;
}

/** Waits for Neo4j's process (when it runs here) to be quiet; says how long that took. */
export async function settleNeo4j(pid: number | undefined): Promise<Settled> {
  const started = performance.now();
  const quiet = pid === undefined ? undefined : await waitForQuiet({ cpuMs: () => processCpuMs(pid) });
  return { waitedMs: Math.round(performance.now() - started), ...(quiet === undefined ? {} : { quiet }) };
}
