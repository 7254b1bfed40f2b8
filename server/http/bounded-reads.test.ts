import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../graph/errors.ts';
import { boundReads } from './bounded-reads.ts';
import type { MeteredGraph } from './metered-graph.ts';

/** A graph whose reads answer however the test says; only `read` and `openSessions` are used. */
function graphWhoseReads(answer: (options?: { timeoutMs?: number }) => Promise<unknown>) {
  const calls: Array<{ timeoutMs?: number } | undefined> = [];
  const graph = {
    database: 'neo4j',
    read: (_work: unknown, options?: { timeoutMs?: number }) => {
      calls.push(options);
      return answer(options);
    },
    openSessions: () => 7,
  } as unknown as MeteredGraph;
  return { graph, calls };
}

const work = async () => 'rows';

afterEach(() => vi.useRealTimers());

describe('boundReads', () => {
  it('gives an API read the time limit and passes its answer through', async () => {
    const { graph, calls } = graphWhoseReads(async () => 'answer');
    const bounded = boundReads(graph, 15_000);
    expect(await bounded.read(work)).toBe('answer');
    expect(calls).toEqual([{ timeoutMs: 15_000 }]);
    // Everything else is the wrapped graph's.
    expect(bounded.openSessions()).toBe(7);
    expect(bounded.database).toBe('neo4j');
  });

  it("leaves a read that names its own limit (the console's) and its errors alone", async () => {
    const timeout = new AppError('QUERY_TIMEOUT', 'The query ran past its time limit and was stopped.');
    const { graph, calls } = graphWhoseReads(async () => {
      throw timeout;
    });
    await expect(boundReads(graph, 15_000).read(work, { timeoutMs: 3_000 })).rejects.toBe(timeout);
    expect(calls).toEqual([{ timeoutMs: 3_000 }]);
  });

  it("turns Neo4j's timeout of an API read into a 503 that says which limit and what to do", async () => {
    const { graph } = graphWhoseReads(async () => {
      throw new AppError('QUERY_TIMEOUT', 'The query ran past its time limit and was stopped.');
    });
    const error = await boundReads(graph, 15_000)
      .read(work)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      status: 503,
      details: { reason: 'slow', setting: 'API_READ_TIMEOUT_MS', retryAfterSeconds: 2 },
    });
    expect((error as AppError).message).toMatch(/did not answer within 15 s/);
  });

  it('stops waiting for a read Neo4j never answers, a little after the limit', async () => {
    vi.useFakeTimers();
    const { graph } = graphWhoseReads(() => new Promise(() => {}));
    const outcome = boundReads(graph, 1_000)
      .read(work)
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    let settled = false;
    void outcome.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await outcome).toMatchObject({ code: 'DATABASE_UNAVAILABLE', details: { reason: 'slow' } });
  });

  it('passes other errors through unchanged', async () => {
    const unavailable = new AppError('DATABASE_UNAVAILABLE', 'The graph database is unreachable.');
    const { graph } = graphWhoseReads(async () => {
      throw unavailable;
    });
    await expect(boundReads(graph, 15_000).read(work)).rejects.toBe(unavailable);
  });
});
