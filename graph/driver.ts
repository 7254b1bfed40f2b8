import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import type { Neo4jConfig } from './config.ts';
import { AppError, fromNeo4jError, neo4jCode } from './errors.ts';
import { LaterMarkerRead } from './later-marker-read.ts';
import { type FencedOutcome, type FirstLoad, fencedWork, judged, readSwitch } from './switch-guard.ts';

/**
 * The app's one handle on Neo4j. Every query runs in a managed read or write transaction with
 * parameters; errors come out already translated into AppErrors.
 */
export interface Graph {
  readonly database: string;
  read<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  write<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** The raw driver, for the few callers that manage their own transactions (the Cypher console). */
  readonly driver: Driver;
  verify(): Promise<{ version: string; edition: string }>;
  close(): Promise<void>;
}

const SWITCH_WAIT_MS = 30_000;
const SWITCH_POLL_MS = 100;

export function openGraph(config: Neo4jConfig): Graph {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
    disableLosslessIntegers: true,
    // Fail fast while the database is down so the API can answer 503 at once; the pool
    // reconnects on its own when the database is back.
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxTransactionRetryTime: 3_000,
    userAgent: 'accountability-graph',
  });
  const database = config.database;

  /**
   * A read retried while a load switches a new generation in (see switch-guard.ts), so it sees the
   * old graph or the new one, never a mixture; it gives up with DATABASE_UNAVAILABLE after a while.
   */
  // The generation the last finished read saw, inactive: a read that begins after it was learnt
  // runs its work alone and is judged by a shared marker read begun after it (see switch-guard.ts, 3.).
  let knownGeneration: number | undefined;
  const laterMarker = new LaterMarkerRead(async () => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      // Auto-commit: one RUN and PULL, no BEGIN or COMMIT; it reads one small node.
      return await readSwitch(session);
    } catch (error) {
      throw fromNeo4jError(error);
    } finally {
      await session.close();
    }
  });

  async function attempt<T>(
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs?: number,
  ): Promise<FencedOutcome<T>> {
    const known = knownGeneration;
    if (known === undefined) return run('READ', (tx) => fencedWork(tx, work), timeoutMs);
    const outcome = await run(
      'READ',
      async (tx): Promise<{ value: T } | { error: unknown }> => {
        try {
          return { value: await work(tx) };
        } catch (error) {
          // An error of Neo4j fails the transaction (and may be retried by the driver): passed on as
          // is. One the work raised on what it read is judged like an answer (see fencedWork).
          if (error instanceof Neo4jError) throw error;
          return { error };
        }
      },
      timeoutMs,
    );
    return { ...judged({ generation: known, active: false }, await laterMarker.next()), ...outcome };
  }

  async function guardedRead<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number) {
    const deadline = performance.now() + SWITCH_WAIT_MS;
    for (;;) {
      const outcome = await attempt(work, timeoutMs);
      if (outcome.after && !outcome.after.active) knownGeneration = outcome.after.generation;
      // A graph being written for the first time has no whole version to wait for.
      if (outcome.firstLoad) throw firstLoadRefusal(outcome.firstLoad);
      if (outcome.whole) {
        if ('error' in outcome) throw outcome.error;
        return outcome.value;
      }
      if (performance.now() > deadline) {
        throw new AppError(
          'DATABASE_UNAVAILABLE',
          'A new version of the graph is being switched in; try again in a minute.',
          { waitedMs: SWITCH_WAIT_MS },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, SWITCH_POLL_MS));
    }
  }

  async function run<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> {
    const session = driver.session({
      database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const txConfig = timeoutMs ? { timeout: timeoutMs } : undefined;
      return mode === 'READ'
        ? await session.executeRead(work, txConfig)
        : await session.executeWrite(work, txConfig);
    } catch (error) {
      // Errors raised by the work itself (not by Neo4j or the driver) keep their own message.
      throw neo4jCode(error) === undefined ? error : fromNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  return {
    database,
    driver,
    read: (work, options) => guardedRead(work, options?.timeoutMs),
    write: (work, options) => run('WRITE', work, options?.timeoutMs),
    async verify() {
      try {
        const result = await driver.executeQuery(
          'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
          {},
          { database, routing: neo4j.routing.READ },
        );
        const record = result.records[0];
        return { version: String(record?.get('version')), edition: String(record?.get('edition')) };
      } catch (error) {
        throw fromNeo4jError(error);
      }
    },
    close: () => driver.close(),
  };
}

function firstLoadRefusal(firstLoad: FirstLoad): AppError {
  return firstLoad === 'running'
    ? new AppError(
        'DATABASE_UNAVAILABLE',
        'The graph is being loaded for the first time; it is served once the whole load is written.',
        { reason: 'loading', retryAfterSeconds: 10 },
      )
    : new AppError(
        'DATABASE_UNAVAILABLE',
        'The first load into this database stopped before it finished, so its part-written graph is not served. Run the load again (npm run load): it removes what was written and starts over.',
        { reason: 'loading' },
      );
}

export type { QueryResult, RecordShape };
