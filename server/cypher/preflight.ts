import { AppError } from '../../graph/errors.ts';
import { isName, isSymbol, isWord, lexCypher, type Token } from './lexer.ts';
import {
  ALLOWED_PROCEDURES,
  forbidden,
  inTransactions,
  loadCsvRefused,
  ONLY_READS,
  procedureNotAllowed,
  THIS_GRAPH_ONLY,
} from './refusals.ts';

/**
 * Checks made on the text of a console query before it reaches Neo4j. They are cheap and give
 * clear reasons; they are not what keeps the console read-only (EXPLAIN's plan and the
 * rolled-back transaction are), so they may be strict where a rare legitimate query is caught.
 */

export const PARAMS_LIMITS = { maxBytes: 64 * 1024, maxDepth: 8 } as const;

export interface PreflightOptions {
  maxQueryLength: number;
  /** The app's database: a USE clause may name only this one. */
  database: string;
}

/** Words that start administration or schema commands when they begin a statement. */
const ADMIN_START = new Set([
  'SHOW',
  'TERMINATE',
  'GRANT',
  'DENY',
  'REVOKE',
  'ALTER',
  'DROP',
  'START',
  'STOP',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'RENAME',
  'DRYRUN',
]);
/** What may follow CREATE (or CREATE OR REPLACE) in an administration or schema command. */
const CREATE_ADMIN = new Set([
  'USER',
  'ROLE',
  'DATABASE',
  'COMPOSITE',
  'ALIAS',
  'SERVER',
  'INDEX',
  'CONSTRAINT',
  'RANGE',
  'TEXT',
  'POINT',
  'LOOKUP',
  'FULLTEXT',
  'VECTOR',
  'BTREE',
  'OR',
]);

/** The procedure or database name a token spells, in its own case. */
function nameText(token: Token): string {
  return token.kind === 'backtick' ? token.value : token.text;
}

/** Reads `name(.name)*` from tokens[index]; returns the dotted name and the index after it. */
function readDottedName(tokens: Token[], index: number): { name: string; next: number } | undefined {
  if (!isName(tokens[index])) return undefined;
  const parts = [nameText(tokens[index] as Token)];
  let i = index + 1;
  while (isSymbol(tokens[i], '.') && isName(tokens[i + 1])) {
    parts.push(nameText(tokens[i + 1] as Token));
    i += 2;
  }
  return { name: parts.join('.'), next: i };
}

/** Index of the first token after `CYPHER [version] [option=value]…`, which may prefix a query. */
function skipQueryOptions(tokens: Token[]): number {
  if (!isWord(tokens[0], 'CYPHER')) return 0;
  let i = 1;
  if (tokens[i]?.kind === 'number') i += 1;
  while (isName(tokens[i]) && isSymbol(tokens[i + 1], '=') && tokens[i + 2]) i += 3;
  return i;
}

function checkParams(params: Record<string, unknown> | undefined): void {
  if (params === undefined) return;
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(params));
  } catch {
    throw new AppError('BAD_REQUEST', 'params must be plain JSON.');
  }
  if (bytes > PARAMS_LIMITS.maxBytes) {
    throw new AppError(
      'TOO_LARGE',
      `params are ${bytes} bytes; at most ${PARAMS_LIMITS.maxBytes} are accepted.`,
      {
        bytes,
        maxBytes: PARAMS_LIMITS.maxBytes,
      },
    );
  }
  const walk = (value: unknown, depth: number, path: string): void => {
    if (depth > PARAMS_LIMITS.maxDepth) {
      throw new AppError(
        'BAD_REQUEST',
        `params are nested deeper than ${PARAMS_LIMITS.maxDepth} levels (at ${path}).`,
        { path, maxDepth: PARAMS_LIMITS.maxDepth },
      );
    }
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        walk(item, depth + 1, `${path}[${index}]`);
      });
      return;
    }
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, item] of Object.entries(value)) walk(item, depth + 1, `${path}.${key}`);
      return;
    }
    throw new AppError('BAD_REQUEST', `params.${path} is not a JSON value.`, { path });
  };
  for (const [key, value] of Object.entries(params)) walk(value, 1, key);
}

/**
 * Rejects, with the reason in plain words, queries that are too long, that hold more than one
 * statement, that ask for EXPLAIN or PROFILE themselves, that are Neo4j Browser `:commands`, that
 * are administration or schema commands, that switch database, that call procedures outside the
 * allow-list, that load CSV or that run in transactions of their own; and params that are not
 * small plain JSON.
 */
export function preflight(
  query: string,
  params: Record<string, unknown> | undefined,
  options: PreflightOptions,
): void {
  if (query.length > options.maxQueryLength) {
    throw new AppError(
      'TOO_LARGE',
      `The query is ${query.length} characters long; the console accepts at most ${options.maxQueryLength}.`,
      { length: query.length, maxQueryLength: options.maxQueryLength },
    );
  }
  checkParams(params);

  const { tokens } = lexCypher(query);
  if (tokens.length === 0)
    throw new AppError('BAD_REQUEST', 'The query is empty (only whitespace or comments).');

  const semicolon = tokens.findIndex((t) => isSymbol(t, ';'));
  if (semicolon >= 0 && semicolon < tokens.length - 1) {
    throw forbidden('The query holds more than one statement; the console runs one statement at a time.', {
      offset: tokens[semicolon]?.offset,
    });
  }
  if (isSymbol(tokens[0], ':')) {
    throw forbidden(
      `${tokens[0]?.text}${tokens[1]?.text ?? ''} is a Neo4j Browser command, not Cypher; the console runs Cypher only.`,
    );
  }

  let start = skipQueryOptions(tokens);
  const first = tokens[start];
  if (isWord(first, 'EXPLAIN', 'PROFILE')) {
    throw forbidden(
      `${first?.value} is not accepted: the console explains every query itself, and PROFILE would run it outside the read-only checks.`,
    );
  }

  // USE may open the query, a subquery or a branch of a UNION; only the app's database is allowed.
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isWord(tokens[i], 'USE')) continue;
    const before = tokens[i - 1];
    const clausePosition = i === start || isSymbol(before, '{') || isWord(before, 'UNION', 'ALL', 'DISTINCT');
    if (!clausePosition) continue;
    const target = readDottedName(tokens, i + 1);
    if (!target || isSymbol(tokens[target.next], '(')) {
      throw forbidden(`USE may only name this database; ${THIS_GRAPH_ONLY}`);
    }
    if (target.name.toLowerCase() !== options.database.toLowerCase()) {
      throw forbidden(`USE ${target.name} switches to another database; ${THIS_GRAPH_ONLY}`, {
        database: target.name,
      });
    }
    if (i === start) start = target.next;
  }

  const head = tokens[start];
  if (isWord(head, ...ADMIN_START)) {
    const command = `${head?.value}${isName(tokens[start + 1]) ? ` ${tokens[start + 1]?.value}` : ''}`;
    throw forbidden(`${command} is an administration or schema command; ${ONLY_READS}`, {
      command,
    });
  }
  if (isWord(head, 'CREATE') && isWord(tokens[start + 1], ...CREATE_ADMIN)) {
    const command = `CREATE ${tokens[start + 1]?.value}`;
    throw forbidden(`${command} is an administration or schema command; ${ONLY_READS}`, {
      command,
    });
  }

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (isWord(token, 'LOAD') && isWord(tokens[i + 1], 'CSV')) {
      throw loadCsvRefused();
    }
    if (isWord(token, 'CALL') && !isSymbol(tokens[i - 1], '.')) {
      const procedure = readDottedName(tokens, i + 1);
      // A procedure call is a name then `(`, YIELD, or the end; anything else is e.g. a variable named call.
      const after = procedure ? tokens[procedure.next] : undefined;
      const isCall =
        procedure !== undefined &&
        (isSymbol(after, '(') || isWord(after, 'YIELD') || after === undefined || isSymbol(after, ';'));
      if (isCall && !ALLOWED_PROCEDURES.has(procedure.name)) throw procedureNotAllowed(procedure.name);
    }
    if (isSymbol(token, '}') && isWord(tokens[i + 1], 'IN')) {
      let j = i + 2;
      if (tokens[j]?.kind === 'number' || tokens[j]?.kind === 'parameter') j += 1;
      if (isWord(tokens[j], 'CONCURRENT')) j += 1;
      if (isWord(tokens[j], 'TRANSACTIONS')) throw inTransactions();
    }
  }
}
