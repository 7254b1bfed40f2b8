import { describe, expect, it } from 'vitest';
import { findQuote, segments } from './highlight.ts';

const TEXT =
  'Karen Dolton, the council\u2019s interim executive director,\nsaid:  \u201CWe have turned the challenge\u201D.';

describe('findQuote', () => {
  it('finds an exact substring where it is', () => {
    const range = findQuote(TEXT, 'interim executive director');
    expect(range).toEqual({ start: 28, end: 54, exact: true });
    expect(TEXT.slice(range?.start, range?.end)).toBe('interim executive director');
  });

  it('tolerates straight quotes, reflowed whitespace and case, and maps back to the original text', () => {
    const range = findQuote(TEXT, 'director, said: "we have turned');
    expect(range?.exact).toBe(false);
    expect(TEXT.slice(range?.start, range?.end)).toBe('director,\nsaid:  \u201CWe have turned');
  });

  it('returns null when the quote is not in the text', () => {
    expect(findQuote(TEXT, 'permanent chief executive')).toBeNull();
    expect(findQuote(TEXT, '')).toBeNull();
  });
});

describe('segments', () => {
  it('splits the text around the marked range without losing characters', () => {
    const parts = segments('abcdef', { start: 2, end: 4, exact: true });
    expect(parts).toEqual([
      { text: 'ab', marked: false },
      { text: 'cd', marked: true },
      { text: 'ef', marked: false },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('abcdef');
  });

  it('gives one plain run when nothing is marked', () => {
    expect(segments('abc', null)).toEqual([{ text: 'abc', marked: false }]);
  });
});
