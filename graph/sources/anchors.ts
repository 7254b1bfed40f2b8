import type { Anchor } from '../contract/sources.ts';

/** How much text either side a TextQuoteSelector keeps, enough to tell repeated words apart. */
export const CONTEXT_CHARS = 32;

/** Every place `exact` occurs in `text`, overlapping ones included. */
export function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  if (!exact) return found;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** The W3C Web Annotation anchor of `text.slice(start, end)`: quote with context, and position. */
export function anchorAt(text: string, start: number, end: number): Anchor {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export type LocateResult = { anchor: Anchor } | { problem: string };

/**
 * Finds the quote a person selected: at the position given when the words are there, else the one
 * place they occur. Refuses words that are not in the text, and repeated words without a position,
 * rather than guess which occurrence was meant.
 */
export function locateQuote(
  text: string,
  quote: { exact: string; start?: number; end?: number },
): LocateResult {
  const { exact } = quote;
  if (quote.start !== undefined) {
    const end = quote.end ?? quote.start + exact.length;
    if (text.slice(quote.start, end) === exact) return { anchor: anchorAt(text, quote.start, end) };
  }
  const places = occurrences(text, exact);
  const short = exact.length > 80 ? `${exact.slice(0, 77)}…` : exact;
  if (places.length === 0) return { problem: `the quote "${short}" is not in the document's text` };
  if (places.length > 1 && quote.start === undefined) {
    return {
      problem: `the quote "${short}" occurs ${places.length} times in the document: give its start and end`,
    };
  }
  // A stale position (the words moved) falls back to the occurrence nearest to it.
  const wanted = quote.start ?? 0;
  const nearest = places.reduce((best, at) => (Math.abs(at - wanted) < Math.abs(best - wanted) ? at : best));
  return { anchor: anchorAt(text, nearest, nearest + exact.length) };
}

/**
 * Re-finds a stored anchor in a text: by position when the words are still there, else by its
 * quote and context (the occurrence whose prefix and suffix match best). Null when the words are gone.
 */
export function reanchor(text: string, anchor: Anchor): Anchor | null {
  const { start, end } = anchor.position;
  const { exact, prefix, suffix } = anchor.quote;
  if (text.slice(start, end) === exact) return anchorAt(text, start, end);
  const places = occurrences(text, exact);
  if (places.length === 0) return null;
  const score = (at: number) =>
    (text.slice(Math.max(0, at - prefix.length), at) === prefix ? 2 : 0) +
    (text.slice(at + exact.length, at + exact.length + suffix.length) === suffix ? 1 : 0);
  const best = places.reduce((b, at) => (score(at) > score(b) ? at : b));
  return anchorAt(text, best, best + exact.length);
}
