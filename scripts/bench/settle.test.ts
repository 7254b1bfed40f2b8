import { describe, expect, it } from 'vitest';
import { waitForQuiet } from './settle.ts';

/** A clock and a CPU counter driven by the windows `waitForQuiet` sleeps through. */
function busyThen(cpuPerWindow: number[]) {
  let t = 0;
  let cpu = 0;
  let window = 0;
  return {
    now: () => t,
    cpuMs: () => cpu,
    sleep: async (ms: number) => {
      t += ms;
      cpu += cpuPerWindow[Math.min(window, cpuPerWindow.length - 1)] ?? 0;
      window += 1;
    },
    windows: () => window,
  };
}

describe('waitForQuiet', () => {
  it('waits window by window until one uses less than the share of a core', async () => {
    // Windows of 1 s: 900 ms, then 500 ms, then 50 ms of CPU.
    const clock = busyThen([900, 500, 50]);
    await expect(waitForQuiet({ ...clock, windowMs: 1000, maxWaitMs: 60_000, share: 0.1 })).resolves.toBe(
      true,
    );
    expect(clock.windows()).toBe(3);
  });

  it('gives up when the time runs out, saying it was still busy', async () => {
    const clock = busyThen([800]);
    await expect(waitForQuiet({ ...clock, windowMs: 1000, maxWaitMs: 5000, share: 0.1 })).resolves.toBe(
      false,
    );
    expect(clock.windows()).toBe(5);
  });

  it('waits for nothing when the CPU cannot be read', async () => {
    const clock = busyThen([800]);
    await expect(waitForQuiet({ ...clock, cpuMs: () => undefined })).resolves.toBeUndefined();
    expect(clock.windows()).toBe(0);
  });
});
