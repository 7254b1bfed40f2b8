import { describe, expect, it } from 'vitest';
import { luceneQuery } from './lucene-query.ts';

describe('luceneQuery', () => {
  it('matches partial words in lower case', () => {
    expect(luceneQuery('Kar')).toBe('(kar OR kar*)');
  });

  it('folds accents and splits hyphenated names', () => {
    expect(luceneQuery('Jónes-Greenhalgh')).toBe(
      '("jones greenhalgh")^3 OR ((jones OR jones*) AND (greenhalgh OR greenhalgh*))',
    );
  });

  it('neutralises Lucene syntax typed by the user', () => {
    const q = luceneQuery('name:"x" OR *:* AND (y~2)^9 \\');
    expect(q).not.toMatch(/name:|\*:\*|~|\^9|\\/);
    expect(q).toContain('(name OR name*)');
  });

  it('returns null when nothing searchable was typed', () => {
    expect(luceneQuery('  ** ~~ ')).toBeNull();
  });
});
