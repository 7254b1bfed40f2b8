/**
 * Finding a quote in its document so the reader can mark it. Quotes are exact substrings by the
 * loader's rule, so an exact match is tried first; a tolerant match (curly vs straight quotes,
 * dashes, runs of whitespace, case) is the fallback for text that was retyped or reflowed.
 */

export interface Range {
  start: number;
  end: number;
  exact: boolean;
}

export interface Segment {
  text: string;
  marked: boolean;
}

const EQUIVALENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u00A0': ' ',
};

/** The normalised text and, for each of its characters, the index of the original character. */
function normalise(text: string): { value: string; origin: number[] } {
  let value = '';
  const origin: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const raw = text[i] as string;
    const ch = (EQUIVALENTS[raw] ?? raw).toLowerCase();
    if (/\s/.test(ch)) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
      value += ' ';
    } else {
      lastWasSpace = false;
      value += ch;
    }
    origin.push(i);
  }
  return { value, origin };
}

export function findQuote(text: string, quote: string): Range | null {
  if (quote.length === 0) return null;
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length, exact: true };
  const haystack = normalise(text);
  const needle = normalise(quote.trim()).value;
  if (needle.length === 0) return null;
  const at = haystack.value.indexOf(needle);
  if (at < 0) return null;
  const start = haystack.origin[at] as number;
  const end = (haystack.origin[at + needle.length - 1] as number) + 1;
  return { start, end, exact: false };
}

/** The text cut into plain and marked runs, for rendering as text nodes and one <mark>. */
export function segments(text: string, range: Range | null): Segment[] {
  if (!range) return [{ text, marked: false }];
  const out: Segment[] = [];
  if (range.start > 0) out.push({ text: text.slice(0, range.start), marked: false });
  out.push({ text: text.slice(range.start, range.end), marked: true });
  if (range.end < text.length) out.push({ text: text.slice(range.end), marked: false });
  return out;
}
