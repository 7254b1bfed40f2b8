import { Neo4jError } from 'neo4j-driver';
import { ERROR_STATUS, type ErrorCode } from './contract/error-codes.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;
  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.Database.DatabaseUnavailable',
]);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.Terminated',
]);

/**
 * Neo4j refusing what the caller may not do: a write in a read transaction, an administration
 * command, a procedure the server does not have. Why that is not allowed is the caller's to say
 * (`RefusalReasons`), so the message reads "The query tried to write; the console is read-only."
 */
const REFUSALS: Record<string, { code: ErrorCode; kind: keyof RefusalReasons; what: string }> = {
  'Neo.ClientError.Statement.AccessMode': {
    code: 'WRITE_NOT_ALLOWED',
    kind: 'write',
    what: 'The query tried to write',
  },
  'Neo.ClientError.Security.Forbidden': {
    code: 'WRITE_NOT_ALLOWED',
    kind: 'write',
    what: 'The query tried to write',
  },
  'Neo.ClientError.Statement.UnsupportedAdministrationCommand': {
    code: 'FORBIDDEN_CLAUSE',
    kind: 'admin',
    what: 'The query is an administration command',
  },
  'Neo.ClientError.Procedure.ProcedureNotFound': {
    code: 'FORBIDDEN_CLAUSE',
    kind: 'procedure',
    what: 'The query calls a procedure that does not exist here',
  },
};

/** The end of a refusal's message: why the caller allows no such thing. */
export interface RefusalReasons {
  write: string;
  admin: string;
  procedure: string;
}

const DEFAULT_REASONS: RefusalReasons = {
  write: 'only reads are allowed here.',
  admin: 'only reads of the graph are allowed here.',
  procedure: 'only reads of the graph are allowed here.',
};

/** Which of Neo4j's limits a query or load ran into. */
export type Neo4jLimit = 'heap' | 'transaction-memory' | 'timeout';

/**
 * Neo4j's memory errors, by code. Heap exhaustion and the per-transaction / all-transactions
 * memory pools are different limits with different remedies, so each is named on its own.
 */
const MEMORY_LIMITS: Record<string, { limit: Neo4jLimit; setting: string; advice: string }> = {
  'Neo.TransientError.General.OutOfMemoryError': {
    limit: 'heap',
    setting: '-Xmx (JVM heap)',
    advice: 'give Neo4j a larger heap (-Xmx), or write less per transaction',
  },
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError': {
    limit: 'transaction-memory',
    setting: 'db.memory.transaction.total.max',
    advice:
      'raise db.memory.transaction.total.max, run fewer transactions at once, or write less per transaction',
  },
  'Neo.ClientError.General.TransactionOutOfMemoryError': {
    limit: 'transaction-memory',
    setting: 'db.memory.transaction.max',
    advice: 'raise db.memory.transaction.max, or write less per transaction',
  },
  'Neo.TransientError.General.TransactionMemoryLimit': {
    limit: 'transaction-memory',
    setting: 'db.memory.transaction.max',
    advice: 'raise db.memory.transaction.max, or write less per transaction',
  },
};

/** The limit an error reports, or null when it reports none; by error code only. */
export function limitOf(error: unknown): { limit: Neo4jLimit; setting: string; advice: string } | null {
  const code = neo4jCode(error);
  if (!code) return null;
  const memory = MEMORY_LIMITS[code];
  if (memory) return memory;
  if (TIMEOUT_CODES.has(code)) {
    return {
      limit: 'timeout',
      setting: 'db.transaction.timeout',
      advice: "raise db.transaction.timeout (or the transaction's own timeout), or do less per transaction",
    };
  }
  return null;
}

/** The database error's code, also for errors the driver raises itself (e.g. no connection). */
export function neo4jCode(error: unknown): string | undefined {
  if (error instanceof Neo4jError) return error.code;
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

export function isUnavailable(error: unknown): boolean {
  const code = neo4jCode(error);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  // A refused connection before any Bolt handshake surfaces as a Node system error.
  return code === 'ECONNREFUSED' || code === 'ECONNRESET';
}

/**
 * The one place where Neo4j's errors become the app's errors, by error code (never message text).
 * Anything unrecognised is an INTERNAL error whose message is not shown to clients.
 */
export function fromNeo4jError(error: unknown, reasons: RefusalReasons = DEFAULT_REASONS): AppError {
  if (error instanceof AppError) return error;
  const code = neo4jCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const refusal = code ? REFUSALS[code] : undefined;
  if (refusal) {
    return new AppError(
      refusal.code,
      `${refusal.what}; ${reasons[refusal.kind]}`,
      { neo4jCode: code },
      { cause: error },
    );
  }
  if (isUnavailable(error)) {
    return new AppError(
      'DATABASE_UNAVAILABLE',
      'The graph database is unreachable; it will be retried automatically.',
      {
        neo4jCode: code,
      },
      { cause: error },
    );
  }
  if (code && TIMEOUT_CODES.has(code)) {
    return new AppError(
      'QUERY_TIMEOUT',
      'The query ran past its time limit and was stopped.',
      { neo4jCode: code, limit: 'timeout' },
      { cause: error },
    );
  }
  const memory = code ? MEMORY_LIMITS[code] : undefined;
  if (memory) {
    const which =
      memory.limit === 'heap' ? "Neo4j's heap" : `the transaction memory limit (${memory.setting})`;
    return new AppError(
      'TOO_LARGE',
      `The query needed more memory than ${which} allows and was stopped; to fix it, ${memory.advice}.`,
      { neo4jCode: code, limit: memory.limit, setting: memory.setting },
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Statement.SyntaxError') {
    // The console adds where the error points (server/cypher/console-error.ts): Neo4j 5 gives it only in its message.
    return new AppError('CYPHER_SYNTAX', message, { neo4jCode: code }, { cause: error });
  }
  if (
    code?.startsWith('Neo.ClientError.Statement.') ||
    code?.startsWith('Neo.ClientError.Procedure.') ||
    // Data that breaks a constraint (being created, or already in place): Neo4j's message names the
    // constraint and the clashing value.
    code === 'Neo.DatabaseError.Schema.ConstraintCreationFailed' ||
    code?.startsWith('Neo.ClientError.Schema.')
  ) {
    return new AppError('BAD_REQUEST', message, { neo4jCode: code }, { cause: error });
  }
  return new AppError('INTERNAL', 'An unexpected error occurred.', { neo4jCode: code }, { cause: error });
}
