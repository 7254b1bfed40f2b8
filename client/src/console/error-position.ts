/**
 * Where in the query a syntax error points. The server passes on Neo4j's `line`, `column` (both
 * from 1) and `offset` (from 0, in UTF-16 units like JavaScript strings); the editor wants a range
 * to mark. The offset wins when it agrees with the text; otherwise line and column are used.
 */

export interface ErrorRange {
  from: number;
  to: number;
  line: number;
  column: number;
}

function asPositive(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function offsetOf(query: string, line: number, column: number): number | null {
  const lines = query.split('\n');
  if (line < 1 || line > lines.length) return null;
  let offset = 0;
  for (let i = 0; i < line - 1; i += 1) offset += (lines[i]?.length ?? 0) + 1;
  return offset + Math.min(Math.max(0, column - 1), lines[line - 1]?.length ?? 0);
}

function lineColumnOf(query: string, offset: number): { line: number; column: number } {
  const before = query.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

export function errorRange(query: string, details: Record<string, unknown> | undefined): ErrorRange | null {
  if (!details) return null;
  const line = asPositive(details.line);
  const column = asPositive(details.column);
  const offset = asPositive(details.offset);
  let at: number | null = null;
  if (offset !== null && offset <= query.length) {
    const lc = lineColumnOf(query, offset);
    if (line === null || column === null || (lc.line === line && lc.column === column)) at = offset;
  }
  if (at === null && line !== null && column !== null) at = offsetOf(query, line, column);
  if (at === null) return null;
  // Mark the word the error points at, or one character; at the very end, the last character.
  const word = /^[\p{L}\p{N}_$]+/u.exec(query.slice(at))?.[0].length ?? 0;
  let from = at;
  let to = at + Math.max(1, word);
  if (from >= query.length) {
    from = Math.max(0, query.length - 1);
    to = query.length;
  }
  const position = lineColumnOf(query, at);
  return { from, to: Math.min(to, query.length), ...position };
}
