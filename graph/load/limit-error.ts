import { AppError } from '../errors.ts';

export interface WriteSize {
  /** What the loader was doing, e.g. "switching in the new generation". */
  step: string;
  /** Nodes and relationships in the transaction that failed. */
  items: number;
  /** Approximate bytes of properties that transaction sent. */
  bytes: number;
}

const LIMIT_NAMES = {
  heap: "Neo4j's heap",
  'transaction-memory': 'the transaction memory limit',
  timeout: 'the transaction timeout',
} as const;

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;
}

/**
 * A load that hit one of Neo4j's limits says which, at what size and what to change. The limit
 * itself was recognised by error code in graph/errors.ts; this adds what only the loader knows.
 * Anything else passes through unchanged.
 */
export function explainLimit(error: unknown, size: WriteSize): unknown {
  if (!(error instanceof AppError)) return error;
  const limit = error.details.limit as keyof typeof LIMIT_NAMES | undefined;
  if (!limit || !(limit in LIMIT_NAMES)) return error;
  const setting = String(error.details.setting ?? 'db.transaction.timeout');
  const advice =
    limit === 'timeout'
      ? `raise ${setting} or the loader's timeout for this step, or load in smaller batches`
      : limit === 'heap'
        ? 'give Neo4j a larger heap (-Xmx in scripts/neo4j/instance.ts) or load in smaller batches'
        : `raise ${setting} or load in smaller batches`;
  return new AppError(
    error.code,
    `The load stopped at ${LIMIT_NAMES[limit]} while ${size.step} (${size.items.toLocaleString('en-GB')} items, about ${megabytes(size.bytes)} of properties in one transaction). To fix it, ${advice}. The graph served before this load is still served.`,
    { ...error.details, step: size.step, items: size.items, bytes: size.bytes },
    { cause: error },
  );
}
