import { AppError, fromNeo4jError } from '../../graph/errors.ts';
import { CONSOLE_REFUSALS } from './refusals.ts';

const POSITION = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/**
 * Neo4j's errors for a console query, translated by graph/errors.ts in the console's words. A
 * syntax or other statement error keeps Neo4j's message, with the position moved back past the
 * prefix the guard added (EXPLAIN): the position is only in the message text, as Neo4j 5 sends no
 * structured position over Bolt.
 */
export function consoleError(error: unknown, prefix = ''): AppError {
  if (error instanceof AppError) return error;
  const translated = fromNeo4jError(error, CONSOLE_REFUSALS);
  if (translated.code !== 'CYPHER_SYNTAX' && translated.code !== 'BAD_REQUEST') return translated;
  const { message, position } = shiftPosition(translated.message, prefix);
  return new AppError(
    translated.code,
    message,
    { ...translated.details, ...(position ?? {}) },
    { cause: error },
  );
}

function shiftPosition(
  message: string,
  prefix: string,
): { message: string; position?: { line: number; column: number; offset: number } } {
  const match = POSITION.exec(message);
  if (!match) return { message };
  const prefixLines = prefix.split('\n').length - 1;
  const line = Number(match[1]) - prefixLines;
  const column = Number(match[2]);
  const offset = Number(match[3]) - prefix.length;
  // A position inside the prefix (Neo4j's "line 0" for statement-level errors) points nowhere useful.
  if (line < 1 || offset < 0) return { message: message.replace(POSITION, '').trim() };
  return {
    message: message.replace(POSITION, `(line ${line}, column ${column} (offset: ${offset}))`),
    position: { line, column, offset },
  };
}
