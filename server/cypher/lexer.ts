/**
 * Just enough of a Cypher lexer for the console's checks before EXPLAIN: it knows strings (with
 * backslash escapes), backtick identifiers (with doubled backticks), line and block comments, so
 * that a `;` or a keyword inside any of them is never mistaken for the real thing. It does not
 * parse Cypher; Neo4j's own planner (EXPLAIN) is the authority on what a query does.
 */

export type TokenKind = 'word' | 'backtick' | 'string' | 'number' | 'parameter' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  /** Words upper-cased, backtick identifiers and strings unescaped, symbols as written. */
  value: string;
  /** Offset of the token's first character in the query. */
  offset: number;
}

export interface LexResult {
  tokens: Token[];
  /** Set when a string, backtick identifier or block comment runs to the end of the query. */
  unterminated?: 'string' | 'identifier' | 'comment';
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;
// JavaScript's \s covers the Unicode spaces Cypher treats as whitespace (no-break, ideographic…).
// Zero-width characters are not whitespace to Neo4j either: they stay symbols and fail to parse.
const WHITESPACE = /\s/u;

export function lexCypher(query: string): LexResult {
  const tokens: Token[] = [];
  const length = query.length;
  let i = 0;
  while (i < length) {
    const char = query[i] as string;
    const next = query[i + 1];
    if (WHITESPACE.test(char)) {
      i += 1;
      continue;
    }
    if (char === '/' && next === '/') {
      while (i < length && query[i] !== '\n' && query[i] !== '\r') i += 1;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      if (end < 0) return { tokens, unterminated: 'comment' };
      i = end + 2;
      continue;
    }
    const start = i;
    if (char === "'" || char === '"') {
      let value = '';
      i += 1;
      let closed = false;
      while (i < length) {
        const c = query[i] as string;
        if (c === '\\' && i + 1 < length) {
          value += query[i + 1];
          i += 2;
        } else if (c === char) {
          i += 1;
          closed = true;
          break;
        } else {
          value += c;
          i += 1;
        }
      }
      tokens.push({ kind: 'string', text: query.slice(start, i), value, offset: start });
      if (!closed) return { tokens, unterminated: 'string' };
      continue;
    }
    if (char === '`') {
      let value = '';
      i += 1;
      let closed = false;
      while (i < length) {
        if (query[i] === '`') {
          if (query[i + 1] === '`') {
            value += '`';
            i += 2;
            continue;
          }
          i += 1;
          closed = true;
          break;
        }
        value += query[i];
        i += 1;
      }
      tokens.push({ kind: 'backtick', text: query.slice(start, i), value, offset: start });
      if (!closed) return { tokens, unterminated: 'identifier' };
      continue;
    }
    if (char === '$') {
      i += 1;
      if (query[i] === '`') {
        const end = query.indexOf('`', i + 1);
        i = end < 0 ? length : end + 1;
      } else {
        while (i < length && WORD_PART.test(query[i] as string)) i += 1;
      }
      const text = query.slice(start, i);
      tokens.push({ kind: 'parameter', text, value: text, offset: start });
      continue;
    }
    if (DIGIT.test(char)) {
      while (i < length && /[0-9a-zA-Z_.]/.test(query[i] as string)) {
        // A `..` after digits is a range in a pattern ([*1..3]), not part of the number.
        if (query[i] === '.' && query[i + 1] === '.') break;
        i += 1;
      }
      const text = query.slice(start, i);
      tokens.push({ kind: 'number', text, value: text, offset: start });
      continue;
    }
    if (WORD_START.test(char)) {
      while (i < length && WORD_PART.test(query[i] as string)) i += 1;
      const text = query.slice(start, i);
      tokens.push({ kind: 'word', text, value: text.toUpperCase(), offset: start });
      continue;
    }
    // Any other character, including ones Neo4j will refuse to parse, is a symbol of its own.
    const codePoint = query.codePointAt(i) ?? 0;
    const text = String.fromCodePoint(codePoint);
    i += text.length;
    tokens.push({ kind: 'symbol', text, value: text, offset: start });
  }
  return { tokens };
}

/** True for a word token with one of the given upper-case values. */
export function isWord(token: Token | undefined, ...values: string[]): boolean {
  return token?.kind === 'word' && (values.length === 0 || values.includes(token.value));
}

export function isSymbol(token: Token | undefined, value: string): boolean {
  return token?.kind === 'symbol' && token.value === value;
}

/** A word or backtick identifier: something that can name a procedure or a database. */
export function isName(token: Token | undefined): boolean {
  return token?.kind === 'word' || token?.kind === 'backtick';
}
