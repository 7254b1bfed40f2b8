import { describe, expect, it } from 'vitest';
import { quoteOf, segmentsOf } from './quote.ts';

const text = 'Issued: 21 November 2017\n\nJane Doe, Chief Executive of Bury Council, said hello.';

describe('quoteOf', () => {
  it('takes the selected words with their offsets, trimmed of spaces', () => {
    const start = text.indexOf('Jane') - 2;
    const end = text.indexOf(', said') + 1;
    const choice = quoteOf(text, start, end);
    expect(choice).toEqual({
      quote: { exact: 'Jane Doe, Chief Executive of Bury Council,', start: start + 2, end: end },
    });
    if ('quote' in choice) expect(text.slice(choice.quote.start, choice.quote.end)).toBe(choice.quote.exact);
  });

  it('accepts a selection made backwards', () => {
    const a = text.indexOf('Jane');
    expect(quoteOf(text, a + 8, a)).toEqual({ quote: { exact: 'Jane Doe', start: a, end: a + 8 } });
  });

  it('refuses a selection too short to prove anything', () => {
    expect(quoteOf(text, 0, 6)).toHaveProperty('problem');
    expect(quoteOf(text, 24, 28)).toHaveProperty('problem');
  });
});

describe('segmentsOf', () => {
  it('covers the whole text and nests overlapping marks', () => {
    const segments = segmentsOf(20, [
      { start: 2, end: 10, kind: 'quote', title: 'q' },
      { start: 5, end: 8, kind: 'mention', title: 'm' },
    ]);
    expect(segments.map((s) => [s.start, s.end, s.marks.map((m) => m.kind).join('+')])).toEqual([
      [0, 2, ''],
      [2, 5, 'quote'],
      [5, 8, 'quote+mention'],
      [8, 10, 'quote'],
      [10, 20, ''],
    ]);
  });

  it('drops marks outside the text', () => {
    expect(segmentsOf(5, [{ start: 3, end: 9, kind: 'mention', title: 'x' }])).toEqual([
      { start: 0, end: 5, marks: [] },
    ]);
  });
});
