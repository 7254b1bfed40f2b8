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

/** CPU ms each process spent over one or more measured stretches. */
export interface CpuSpent {
  neo4j?: number;
  app?: number;
  client: number;
}

/** Starts measuring the given processes; `stop()` gives the CPU ms each spent since. */
export function startCpuMeter(pids: { neo4j?: number; app?: number }) {
  const read = () => ({
    neo4j: pids.neo4j === undefined ? undefined : processCpuMs(pids.neo4j),
    app: pids.app === undefined ? undefined : processCpuMs(pids.app),
    client: ownCpuMs(),
  });
  const before = read();
  return {
    stop(): CpuSpent {
      const after = read();
      const spent = (a: number | undefined, b: number | undefined) =>
        a === undefined || b === undefined ? undefined : b - a;
      const neo4j = spent(before.neo4j, after.neo4j);
      const app = spent(before.app, after.app);
      return {
        ...(neo4j === undefined ? {} : { neo4j }),
        ...(app === undefined ? {} : { app }),
        client: after.client - before.client,
      };
    },
  };
}

/** The CPU of stretches measured apart (the halves of one side's time), added up. */
export function addCpu(a: CpuSpent, b: CpuSpent): CpuSpent {
  const sum = (x: number | undefined, y: number | undefined) =>
    x === undefined || y === undefined ? undefined : x + y;
  const neo4j = sum(a.neo4j, b.neo4j);
  const app = sum(a.app, b.app);
  return {
    ...(neo4j === undefined ? {} : { neo4j }),
    ...(app === undefined ? {} : { app }),
    client: a.client + b.client,
  };
}

/** CPU ms per request in each process, to two decimals; a process not read has no figure. */
export function cpuPerRequest(spent: CpuSpent, requests: number): CpuPerRequest {
  const per = (ms: number | undefined) =>
    ms === undefined || requests === 0 ? undefined : Math.round((ms / requests) * 100) / 100;
  const neo4jMs = per(spent.neo4j);
  const appMs = per(spent.app);
  return {
    ...(neo4jMs === undefined ? {} : { neo4jMs }),
    ...(appMs === undefined ? {} : { appMs }),
    clientMs: per(spent.client) ?? 0,
  };
}
