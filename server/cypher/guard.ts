import neo4j, { type Transaction } from 'neo4j-driver';
import type { Graph } from '../../graph/driver.ts';
import { AppError } from '../../graph/errors.ts';
import { consoleError } from './console-error.ts';
import { lexCypher } from './lexer.ts';
import { preflight } from './preflight.ts';
import {
  ALLOWED_PROCEDURES,
  inTransactions,
  loadCsvRefused,
  ONLY_READS,
  procedureNotAllowed,
  READ_ONLY,
  forbidden as refuse,
  THIS_GRAPH_ONLY,
} from './refusals.ts';

/**
 * The console's guard: a query runs only if Neo4j's own planner says it is a read. The query is
 * EXPLAINed (planned, never executed) in a transaction that is rolled back, and the plan is
 * walked for anything that writes, reaches outside the graph, or administers the server.
 */

/** EXPLAIN on a line of its own, so Neo4j's positions in the query shift by exactly one line. */
export const EXPLAIN_PREFIX = 'EXPLAIN\n';

/** The parts of a plan the guard reads; the driver's `Plan` has this shape. */
export interface PlanNode {
  operatorType: string;
  arguments: { [key: string]: unknown };
  children: PlanNode[];
}

export interface ExplainSummary {
  /** 'r', 'rw', 'w' or 's' (schema or system), as Neo4j classifies the query. */
  queryType: string;
  /** The database the query was planned against. */
  database: string | undefined;
  plan: PlanNode | false;
}

/** `generic` for operators that show a write without saying which clause (EmptyResult). */
type Finding = { code: 'WRITE_NOT_ALLOWED' | 'FORBIDDEN_CLAUSE'; error: AppError; generic?: true };

/** The clause a plan operator comes from, and what it does, for the rejection message. */
const WRITE_OPERATORS: ReadonlyArray<[RegExp, string[], string]> = [
  [/^DetachDelete/, ['DETACH DELETE'], 'deletes from'],
  [/^Delete/, ['DELETE'], 'deletes from'],
  [/^(LockingMerge|Merge)/, ['MERGE'], 'writes to'],
  // Neo4j plans INSERT as Create, and REMOVE n.p as SetProperty (to null): name what the user wrote.
  [/^Create/, ['CREATE', 'INSERT'], 'writes to'],
  [/^Set/, ['SET', 'REMOVE'], 'changes'],
  [/^Remove/, ['REMOVE'], 'changes'],
  [/^Foreach/, ['FOREACH'], 'writes to'],
];

const SCHEMA_OR_ADMIN =
  /^(AdministrationCommand|Show|Terminate|Drop|DoNothingIfExists|Create\w*(Index|Constraint)$)/;

function procedureName(operator: PlanNode): string | undefined {
  const details = operator.arguments.Details ?? operator.arguments.details;
  if (typeof details !== 'string') return undefined;
  const open = details.indexOf('(');
  return (open < 0 ? details : details.slice(0, open)).trim();
}

/** What is wrong with one operator, if anything. */
function inspect(operator: PlanNode, database: string, queryWords: ReadonlySet<string>): Finding | undefined {
  const [name = '', planDatabase] = operator.operatorType.split('@');
  if (planDatabase !== undefined && planDatabase.toLowerCase() !== database.toLowerCase()) {
    return {
      code: 'FORBIDDEN_CLAUSE',
      error: refuse(`The query runs against the ${planDatabase} database; ${THIS_GRAPH_ONLY}`, {
        operator: name,
        database: planDatabase,
      }),
    };
  }
  if (name === 'LoadCSV') return { code: 'FORBIDDEN_CLAUSE', error: loadCsvRefused({ operator: name }) };
  if (name === 'TransactionApply' || name === 'TransactionForeach') {
    return { code: 'FORBIDDEN_CLAUSE', error: inTransactions() };
  }
  if (name === 'ProcedureCall') {
    const procedure = procedureName(operator);
    if (procedure === undefined || !ALLOWED_PROCEDURES.has(procedure)) {
      return { code: 'FORBIDDEN_CLAUSE', error: procedureNotAllowed(procedure ?? 'an unnamed procedure') };
    }
    return undefined;
  }
  if (SCHEMA_OR_ADMIN.test(name)) {
    return {
      code: 'FORBIDDEN_CLAUSE',
      error: refuse(`The query is an administration or schema command (${name}); ${ONLY_READS}`, {
        operator: name,
      }),
    };
  }
  for (const [pattern, clauses, verb] of WRITE_OPERATORS) {
    if (pattern.test(name)) {
      const clause = clauses.find((c) => queryWords.has(c.split(' ')[0] as string)) ?? (clauses[0] as string);
      return {
        code: 'WRITE_NOT_ALLOWED',
        error: new AppError('WRITE_NOT_ALLOWED', `${clause} ${verb} the graph; ${READ_ONLY}`, {
          clause,
          operator: name,
        }),
      };
    }
  }
  if (name === 'EmptyResult' || name === 'LockNodes') {
    return {
      code: 'WRITE_NOT_ALLOWED',
      error: new AppError('WRITE_NOT_ALLOWED', `The query writes to the graph; ${READ_ONLY}`, {
        operator: name,
      }),
      generic: true,
    };
  }
  return undefined;
}

/**
 * Accepts an EXPLAIN summary only for a read: no updating operator, no LOAD CSV, no procedure
 * outside the allow-list, no administration or schema operator, no other database, and a query
 * type of 'r' (or 's' for nothing but allowed procedures, as `dbms.components` is classified).
 * Forbidden clauses are reported before writes, as the more specific reason. `query` only helps
 * name the clause in the message.
 */
export function checkPlan(summary: ExplainSummary, database: string, query = ''): void {
  const queryWords = new Set(lexCypher(query).tokens.flatMap((t) => (t.kind === 'word' ? [t.value] : [])));
  let firstWrite: Finding | undefined;
  const procedures: string[] = [];
  const stack: PlanNode[] = summary.plan ? [summary.plan] : [];
  while (stack.length > 0) {
    const operator = stack.pop() as PlanNode;
    const finding = inspect(operator, database, queryWords);
    if (finding?.code === 'FORBIDDEN_CLAUSE') throw finding.error;
    if (finding && (!firstWrite || (firstWrite.generic && !finding.generic))) firstWrite = finding;
    if (operator.operatorType.split('@')[0] === 'ProcedureCall')
      procedures.push(procedureName(operator) ?? '');
    stack.push(...operator.children);
  }
  if (firstWrite) throw firstWrite.error;
  if (summary.database !== undefined && summary.database.toLowerCase() !== database.toLowerCase()) {
    throw refuse(`The query runs against the ${summary.database} database; ${THIS_GRAPH_ONLY}`, {
      database: summary.database,
    });
  }
  switch (summary.queryType) {
    case 'r':
      return;
    case 'w':
    case 'rw':
      throw new AppError('WRITE_NOT_ALLOWED', `The query writes to the graph; ${READ_ONLY}`, {
        queryType: summary.queryType,
      });
    case 's':
      if (procedures.length > 0 && procedures.every((p) => ALLOWED_PROCEDURES.has(p))) return;
      throw refuse(`The query is a schema or administration command; ${ONLY_READS}`, {
        queryType: summary.queryType,
      });
    default:
      throw new AppError('FORBIDDEN_CLAUSE', 'Neo4j could not confirm that the query only reads.', {
        queryType: summary.queryType,
      });
  }
}

// ---- EXPLAIN ----------------------------------------------------------------------------------

/** Safe integers as Cypher integers (JSON has only floats), so `LIMIT $n` works; the rest as is. */
export function toDriverParams(params: Record<string, unknown> | undefined): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(item)]));
    }
    return value;
  };
  return convert(params ?? {}) as Record<string, unknown>;
}

/** Plans the query without running it, in a read transaction that is rolled back. */
export async function explainQuery(
  graph: Graph,
  query: string,
  params: Record<string, unknown>,
  timeoutMs: number,
): Promise<ExplainSummary> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  let tx: Transaction | undefined;
  try {
    tx = await session.beginTransaction({
      timeout: timeoutMs,
      metadata: { app: 'cypher-console', step: 'explain' },
    });
    const result = await tx.run(EXPLAIN_PREFIX + query, params);
    const { summary } = result;
    return {
      queryType: String(summary.queryType),
      database: summary.database.name ?? undefined,
      plan: summary.plan ? (summary.plan as unknown as PlanNode) : false,
    };
  } catch (error) {
    throw consoleError(error, EXPLAIN_PREFIX);
  } finally {
    await tx?.rollback().catch(() => undefined);
    await session.close();
  }
}

export interface GuardOptions {
  timeoutMs: number;
  maxQueryLength: number;
}

/** All the checks a console query must pass before it runs; throws the reason it may not. */
export async function guardQuery(
  graph: Graph,
  query: string,
  params: Record<string, unknown> | undefined,
  options: GuardOptions,
): Promise<void> {
  preflight(query, params, { maxQueryLength: options.maxQueryLength, database: graph.database });
  const summary = await explainQuery(graph, query, toDriverParams(params), options.timeoutMs);
  checkPlan(summary, graph.database, query);
}
