/**
 * CPU time spent by each process taking part in a measurement, so a throughput gap can be split
 * into where the cores went: Neo4j, the app, and the process generating the load (which in the bare
 * runs is also the driver). On a machine whose cores are all busy, requests per second are about
 * the cores divided by the CPU time a request costs in all of them together.
 */
import { readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks; 100 a second on every common kernel build. */
const TICKS_PER_SECOND = 100;

/** User plus system CPU time of a process in ms, from /proc; undefined where that is not readable. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    if (!Number.isFinite(user) || !Number.isFinite(system)) return undefined;
    return ((user + system) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface CpuPerRequest {
  /** CPU ms per request in Neo4j (absent when Neo4j runs elsewhere). */
  neo4jMs?: number;
  /** In the app's process (absent for the bare script). */
  appMs?: number;
  /** In the process sending the requests: the HTTP client, or the bare script with its driver. */
  clientMs: number;
}

/** Starts measuring the given processes; `stop(requests)` gives the CPU ms per request in each. */
export function startCpuMeter(pids: { neo4j?: number; app?: number }) {
  const read = () => ({
    neo4j: pids.neo4j === undefined ? undefined : processCpuMs(pids.neo4j),
    app: pids.app === undefined ? undefined : processCpuMs(pids.app),
    client: ownCpuMs(),
  });
  const before = read();
  return {
    stop(requests: number): CpuPerRequest {
      const after = read();
      const per = (a: number | undefined, b: number | undefined) =>
        a === undefined || b === undefined || requests === 0
          ? undefined
          : Math.round(((b - a) / requests) * 100) / 100;
      const neo4jMs = per(before.neo4j, after.neo4j);
      const appMs = per(before.app, after.app);
      return {
        ...(neo4jMs === undefined ? {} : { neo4jMs }),
        ...(appMs === undefined ? {} : { appMs }),
        clientMs: per(before.client, after.client) ?? 0,
      };
    },
  };
}
