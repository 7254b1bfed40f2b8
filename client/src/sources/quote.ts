import type { QuoteInput } from '../../../graph/contract/sources.ts';

/**
 * Pure: what a selection in the reader becomes. The reader's text is one element whose text nodes
 * hold the document's text in order, so a selection is two offsets into the document; the quote is
 * those words, trimmed of the spaces a drag picks up, with the offsets the server checks.
 */

export type QuoteChoice = { quote: QuoteInput } | { problem: string };

export const MIN_QUOTE = 8;

export function quoteOf(text: string, start: number, end: number): QuoteChoice {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text.charAt(from))) from += 1;
  while (to > from && /\s/.test(text.charAt(to - 1))) to -= 1;
  if (to - from < MIN_QUOTE) {
    return {
      problem: `Select at least ${MIN_QUOTE} characters of the text: a quote has to prove something.`,
    };
  }
  if (to - from > 2_000) return { problem: 'Select at most 2,000 characters: a quote is a sentence or two.' };
  return { quote: { exact: text.slice(from, to), start: from, end: to } };
}

/** A range of the text to mark: a known entity's name, a fact's quote, or the current selection. */
export interface Mark {
  start: number;
  end: number;
  kind: 'mention' | 'quote' | 'suggestion';
  title: string;
  /** For a mention: the entity it names. */
  entityId?: string;
}

export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/**
 * Cuts the text into consecutive segments, each with the marks covering all of it, so overlapping
 * marks (a name inside a quote) nest without losing characters. The segments cover the whole text.
 */
export function segmentsOf(length: number, marks: readonly Mark[]): Segment[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= length && m.start < m.end);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    out.push({ start, end, marks: valid.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}
