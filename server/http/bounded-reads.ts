import { AppError } from '../../graph/errors.ts';
import type { MeteredGraph } from './metered-graph.ts';

/** After the time limit, how long Neo4j gets to report its own timeout before the app stops waiting. */
const BACKSTOP_GRACE_MS = 3_000;

function tooSlow(readTimeoutMs: number, cause?: unknown): AppError {
  return new AppError(
    'DATABASE_UNAVAILABLE',
    `The database did not answer within ${Math.round(readTimeoutMs / 1000)} s (it may be overloaded, or the request too large); try again in a moment or narrow the request.`,
    { reason: 'slow', limit: 'timeout', setting: 'API_READ_TIMEOUT_MS', retryAfterSeconds: 2 },
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Bounds every API read in time, so a starved or half-started Neo4j gives a 503 the client can retry
 * rather than a request that hangs: the read runs with Neo4j's transaction timeout, and should
 * Neo4j not even report that (a stalled connection), the app stops waiting a little after it. The
 * session itself is closed when Neo4j lets go of it, and the metered graph underneath keeps
 * counting it until then, so a leak still shows.
 *
 * Reads that name their own limit (the console's) keep their own limit and their own error.
 */
export function boundReads(graph: MeteredGraph, readTimeoutMs: number): MeteredGraph {
  const read: MeteredGraph['read'] = async (work, options) => {
    if (options?.timeoutMs !== undefined) return graph.read(work, options);
    let backstop: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      backstop = setTimeout(() => reject(tooSlow(readTimeoutMs)), readTimeoutMs + BACKSTOP_GRACE_MS);
    });
    const answer = graph.read(work, { timeoutMs: readTimeoutMs });
    // The answer may still settle after the backstop fired; nobody waits for it then.
    answer.catch(() => {});
    try {
      return await Promise.race([answer, stalled]);
    } catch (error) {
      throw error instanceof AppError && error.code === 'QUERY_TIMEOUT'
        ? tooSlow(readTimeoutMs, error)
        : error;
    } finally {
      clearTimeout(backstop);
    }
  };
  return new Proxy(graph, {
    get: (target, property, receiver) =>
      property === 'read' ? read : Reflect.get(target, property, receiver),
  });
}
