import { AppError, type RefusalReasons } from '../../graph/errors.ts';

/**
 * What the console allows, and the words it refuses with. The text checks (preflight.ts), the plan
 * walk (guard.ts) and Neo4j's own refusals (console-error.ts) catch some of the same queries; they
 * give one reason in one wording, whichever catches it first.
 */

/** Procedures the console may call: schema introspection and the server's version. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'dbms.components',
]);

export const READ_ONLY = 'the console is read-only.';
export const ONLY_READS = 'the console only reads the graph.';
export const THIS_GRAPH_ONLY = 'the console reads the app’s graph only.';
const MAY_CALL_ONLY = `the console may call only ${[...ALLOWED_PROCEDURES].join(', ')}.`;

/** The end of Neo4j's own refusals, as graph/errors.ts words them for the console. */
export const CONSOLE_REFUSALS: RefusalReasons = {
  write: READ_ONLY,
  admin: ONLY_READS,
  procedure: MAY_CALL_ONLY,
};

export function forbidden(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('FORBIDDEN_CLAUSE', message, details);
}

export function loadCsvRefused(details: Record<string, unknown> = {}): AppError {
  return forbidden('LOAD CSV reads files and web addresses; the console reads only the graph.', details);
}

export function procedureNotAllowed(name: string): AppError {
  return forbidden(`CALL ${name} is not allowed: ${MAY_CALL_ONLY}`, {
    procedure: name,
    allowed: [...ALLOWED_PROCEDURES],
  });
}

export function inTransactions(): AppError {
  return forbidden(
    'CALL { … } IN TRANSACTIONS commits batches of its own; the console runs one read-only transaction.',
  );
}
