import { describe, expect, it } from 'vitest';
import { STRETCH_ORDER, type Stretch, sideFigures } from './stretches.ts';

const stretch = (samples: number[], elapsedMs: number, cpu: Stretch['cpu'], errors = 0): Stretch => ({
  samples,
  errors,
  elapsedMs,
  cpu,
  ...(errors > 0 ? { firstError: `failed ${errors}` } : {}),
});

describe('the stretches of one side', () => {
  it('alternate in a mirrored order, so each side gets equal time as early as late on average', () => {
    expect(STRETCH_ORDER).toEqual(['app', 'floor', 'bare', 'bareAuto', 'bareAuto', 'bare', 'floor', 'app']);
    expect([...STRETCH_ORDER].reverse()).toEqual(STRETCH_ORDER);
    for (const side of ['app', 'floor', 'bare', 'bareAuto'] as const) {
      expect(STRETCH_ORDER.filter((s) => s === side).length).toBe(2);
    }
  });

  it('are added up: requests over the summed time, percentiles over every sample, CPU over every request', () => {
    const figures = sideFigures([
      stretch([10, 20, 30], 1000, { neo4j: 30, app: 60, client: 6 }),
      stretch([40], 1000, { neo4j: 10, app: 20, client: 2 }, 1),
    ]);
    expect(figures).toMatchObject({ requests: 4, errors: 1, firstError: 'failed 1', requestsPerSecond: 2 });
    expect(figures.p50Ms).toBe(25);
    // 5 requests (4 answered, 1 failed) shared 40 ms of Neo4j, 80 of the app, 8 of the client.
    expect(figures.cpu).toEqual({ neo4jMs: 8, appMs: 16, clientMs: 1.6 });
  });

  it('give zeros rather than fail when nothing was answered', () => {
    const figures = sideFigures([stretch([], 500, { client: 1 }, 2)]);
    expect(figures).toMatchObject({ requests: 0, errors: 2, requestsPerSecond: 0, p95Ms: 0 });
    expect(figures.cpu).toEqual({ clientMs: 0.5 });
  });

  it('refuse a side with no stretch at all', () => {
    expect(() => sideFigures([])).toThrow(/at least one stretch/);
  });
});
