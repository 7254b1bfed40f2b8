/**
 * The console's parameters: JSON text the user types, checked before anything is sent, and the
 * `$names` a query uses, so a missing one is reported here in plain words rather than by Neo4j.
 */

export type ParamsResult =
  | { ok: true; params: Record<string, unknown> }
  | { ok: false; message: string; line?: number; column?: number };

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where JSON text first goes wrong, as an offset. JSON.parse knows, but its messages differ from
 * engine to engine (and some give no position), so this walks the grammar itself. It is only asked
 * once JSON.parse has refused the text.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i += 1;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i += 1;
    }
  };
  const string = () => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      const ch = text[i] as string;
      if (ch < ' ') fail();
      if (ch === '\\') {
        i += 1;
        const escaped = text[i];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) fail();
      }
      i += 1;
    }
    if (text[i] !== '"') fail();
    i += 1;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) return fail();
    i += match[0].length;
  };
  const list = (close: string, item: () => void) => {
    i += 1;
    space();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[i] === close) {
        i += 1;
        return;
      }
      if (text[i] !== ',') fail();
      i += 1;
    }
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{')
      list('}', () => {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i += 1;
        value();
      });
    else if (ch === '[') list(']', value);
    else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail();
  };
  try {
    value();
    space();
    return i;
  } catch (offset) {
    return typeof offset === 'number' ? offset : 0;
  }
}

export function parseParams(text: string): ParamsResult {
  if (text.trim() === '') return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    const { line, column } = lineAndColumn(text, offset);
    const found = text[offset];
    const what = found === undefined ? 'the text ends too soon' : `unexpected ${JSON.stringify(found)}`;
    return {
      ok: false,
      message: `The parameters are not valid JSON: ${what} at line ${line}, column ${column}.`,
      line,
      column,
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      message: 'The parameters must be a JSON object of names and values, such as {"name": "Karen Dolton"}.',
    };
  }
  return { ok: true, params: value as Record<string, unknown> };
}

/**
 * The `$parameter` names a query uses, outside strings, quoted names and comments. Enough of the
 * lexer to be right about what the user can see; the server's guard does the real parsing.
 */
export function paramsUsed(query: string): string[] {
  const names = new Set<string>();
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    const next = query[i + 1];
    if (c === '/' && next === '/') {
      const end = query.indexOf('\n', i);
      i = end === -1 ? query.length : end;
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end === -1 ? query.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      i += 1;
      while (i < query.length && query[i] !== c) i += query[i] === '\\' && c !== '`' ? 2 : 1;
      i += 1;
    } else if (c === '$') {
      const match = /^\$(?:`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*))/.exec(query.slice(i));
      const name = match?.[1] ?? match?.[2];
      if (match && name) {
        names.add(name);
        i += match[0].length;
      } else i += 1;
    } else i += 1;
  }
  return [...names];
}

/** Names the query uses that the parameters do not give. */
export function missingParams(query: string, params: Record<string, unknown>): string[] {
  return paramsUsed(query).filter((name) => !Object.hasOwn(params, name));
}

/** Parameters as the editor shows them: pretty JSON, or nothing when there are none. */
export function formatParams(params: Record<string, unknown> | undefined): string {
  if (!params || Object.keys(params).length === 0) return '';
  return JSON.stringify(params, null, 2);
}
