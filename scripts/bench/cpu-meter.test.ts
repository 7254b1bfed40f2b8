import { describe, expect, it } from 'vitest';
import { addCpu, cpuPerRequest, ownCpuMs, processCpuMs, startCpuMeter } from './cpu-meter.ts';

function burn(ms: number): void {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
}

describe('the CPU meter', () => {
  it("reads a process's CPU time from /proc as process.cpuUsage counts it, within clock ticks", () => {
    const ownBefore = ownCpuMs();
    const before = processCpuMs(process.pid) as number;
    burn(200);
    const grown = (processCpuMs(process.pid) as number) - before;
    const ownGrown = ownCpuMs() - ownBefore;
    // Both count every thread of the process; /proc in 10 ms ticks, read inside the other's bracket.
    expect(ownGrown).toBeGreaterThan(20);
    expect(Math.abs(grown - ownGrown)).toBeLessThan(40);
  });

  it('has no figure for a process that does not exist', () => {
    expect(processCpuMs(2 ** 22 + 17)).toBeUndefined();
  });

  it('divides the CPU each process spent by the requests, and leaves out what it could not read', () => {
    const meter = startCpuMeter({ app: process.pid, neo4j: 2 ** 22 + 17 });
    burn(100);
    const perRequest = cpuPerRequest(meter.stop(), 10);
    expect(perRequest.neo4jMs).toBeUndefined();
    // This process was read both ways: process.cpuUsage (the client) and /proc (as the app), whose
    // 10 ms ticks over 10 requests make 1 ms a request; however busy the machine, it did some work.
    expect(perRequest.clientMs).toBeGreaterThan(0);
    expect(Math.abs((perRequest.appMs as number) - perRequest.clientMs)).toBeLessThan(4);
  });

  it('adds up stretches measured apart before dividing, and leaves out a process missing from either', () => {
    const total = addCpu({ neo4j: 30, app: 12, client: 4 }, { app: 8, client: 6 });
    expect(total).toEqual({ app: 20, client: 10 });
    expect(cpuPerRequest(total, 4)).toEqual({ appMs: 5, clientMs: 2.5 });
    expect(cpuPerRequest({ neo4j: 1, client: 1 }, 3)).toEqual({ neo4jMs: 0.33, clientMs: 0.33 });
    expect(cpuPerRequest({ client: 5 }, 0)).toEqual({ clientMs: 0 });
  });
});
