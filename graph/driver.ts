import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import type { Neo4jConfig } from './config.ts';
import { AppError, fromNeo4jError, neo4jCode } from './errors.ts';
import { type FencedOutcome, fencedWork, type Lease, leaseHolds, systemClock } from './fenced-read.ts';
import { type FirstLoad, LEASE_MS, type ReadStatements } from './switch-guard.ts';

/**
 * The app's one handle on Neo4j. A read runs its statements one after another, each an auto-commit
 * query, fenced against a load's switch; a write runs in a managed write transaction. Every query has
 * parameters; errors come out already translated into AppErrors.
 */
export interface Graph {
  readonly database: string;
  /** A read: its statements run one after another, fenced against a load's switch (switch-guard.ts). */
  read<T>(work: (tx: ReadStatements) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  write<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** The raw driver, for the few callers that manage their own transactions (the Cypher console). */
  readonly driver: Driver;
  verify(): Promise<{ version: string; edition: string }>;
  close(): Promise<void>;
}

const SWITCH_WAIT_MS = 30_000;
/** How long a read is retried on errors the driver calls retryable, as maxTransactionRetryTime below. */
const READ_RETRY_MS = 3_000;
const READ_RETRY_FIRST_DELAY_MS = 250;
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
  // The newest lease a marker read granted (fenced-read.ts). One read at a time renews it, a little
  // before it runs out, so the reads in between send no marker read of their own.
  let lease: Lease | undefined;
  let renewing = false;
  async function guardedRead<T>(work: (tx: ReadStatements) => Promise<T>, timeoutMs?: number) {
    const deadline = performance.now() + SWITCH_WAIT_MS;
    for (;;) {
      const held = lease;
      // A lease that has run out is renewed by every read (each judges itself by a marker read
      // after its work); one still current, by one read at a time, a little before it runs out.
      const renew =
        held !== undefined &&
        leaseHolds(held, systemClock) &&
        !renewing &&
        held.until - performance.now() < LEASE_MS / 2;
      if (renew) renewing = true;
      let outcome: FencedOutcome<T>;
      try {
        outcome = await readStatements(
          (statements) => fencedWork(statements, work, held, { renew }),
          timeoutMs,
        );
      } finally {
        if (renew) renewing = false;
      }
      if (outcome.lease && (!lease || outcome.lease.until > lease.until)) lease = outcome.lease;
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

  /**
   * A read's statements, each its own auto-commit query on one session, sent once the one before it
   * has been answered. A managed transaction would add a BEGIN and a COMMIT, each a socket write and
   * a wake-up of Neo4j: under load that cost the app more than the statements themselves (measured
   * by `npm run bench -- api-scale`). Nothing is lost by it: Neo4j's reads are read-committed within
   * a transaction as well, and what makes a read whole across a load's switch is the fence around
   * it (switch-guard.ts). Errors the driver calls retryable (a connection lost to a restart) are
   * retried, as a managed transaction would be, within the same bound.
   */
  async function readStatements<T>(
    work: (statements: ReadStatements) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> {
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      const txConfig = timeoutMs ? { timeout: timeoutMs } : undefined;
      // A session runs one query at a time: statements asked for together wait their turn.
      let previous: Promise<unknown> = Promise.resolve();
      const statements: ReadStatements = {
        run(query, parameters) {
          const answer = previous.then(() => session.run(query, parameters, txConfig));
          previous = answer.catch(() => undefined);
          return answer;
        },
      };
      try {
        return await work(statements);
      } catch (error) {
        const delayMs = READ_RETRY_FIRST_DELAY_MS * 2 ** attempt;
        if (neo4j.isRetryableError(error) && performance.now() - started + delayMs < READ_RETRY_MS) {
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          continue;
        }
        throw neo4jCode(error) === undefined ? error : fromNeo4jError(error);
      } finally {
        await session.close();
      }
    }
  }

  /** A write: one managed write transaction, retried by the driver on transient errors. */
  async function write<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, timeoutMs ? { timeout: timeoutMs } : undefined);
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
    write: (work, options) => write(work, options?.timeoutMs),
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
