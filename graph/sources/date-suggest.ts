import type { DateSuggestion } from '../contract/sources.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
/** Words that introduce a document's own date. */
const LABEL =
  '(?:Issued|Published|Posted|Updated|Released|Date(?:d)?|Last updated|First published)\\s*(?:on)?\\s*[:\\-–]?\\s*';

interface Rule {
  rule: DateSuggestion['rule'];
  pattern: RegExp;
  read: (m: RegExpExecArray) => { year: number; month?: number; day?: number } | null;
}

const monthNumber = (name: string | undefined) =>
  name ? MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1 : 0;

const dayMonthYear = (m: RegExpExecArray, offset = 0) => ({
  day: Number(m[1 + offset]),
  month: monthNumber(m[2 + offset]),
  year: Number(m[3 + offset]),
});
const monthDayYear = (m: RegExpExecArray) => ({
  month: monthNumber(m[1]),
  day: Number(m[2]),
  year: Number(m[3]),
});

// \s matches the no-break spaces some pages print between a label and its date.
const RULES: Rule[] = [
  {
    rule: 'labelled',
    pattern: new RegExp(`${LABEL}${WEEKDAY}${ORDINAL}\\s+${MONTH},?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => dayMonthYear(m),
  },
  {
    rule: 'labelled',
    pattern: new RegExp(`${LABEL}${WEEKDAY}${MONTH}\\s+${ORDINAL},?\\s+(\\d{4})\\b`, 'gi'),
    read: monthDayYear,
  },
  {
    rule: 'labelled',
    pattern: new RegExp(`${LABEL}(\\d{4})-(\\d{2})-(\\d{2})\\b`, 'gi'),
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    rule: 'labelled',
    pattern: new RegExp(`${LABEL}(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b`, 'gi'),
    // British pages: day first.
    read: (m) => ({ day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) }),
  },
  {
    rule: 'day',
    pattern: new RegExp(`\\b${WEEKDAY}${ORDINAL}\\s+${MONTH},?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => dayMonthYear(m),
  },
  {
    rule: 'day',
    pattern: new RegExp(`\\b${WEEKDAY}${MONTH}\\s+${ORDINAL},\\s+(\\d{4})\\b`, 'gi'),
    read: monthDayYear,
  },
  {
    rule: 'iso',
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    rule: 'month',
    pattern: new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => ({ month: monthNumber(m[1]), year: Number(m[2]) }),
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

function toDate(parts: { year: number; month?: number; day?: number }): string | null {
  const { year, month, day } = parts;
  if (year < 1800 || year > 2200) return null;
  if (!month) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The line around `start..end`, or its sentence when the line is long: a quote the date sits in. */
function sentenceAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  let from = lineStart;
  let to = lineEnd;
  if (to - from > 200) {
    const before = text.slice(lineStart, start).search(/[.!?]\s[^.!?]*$/);
    if (before !== -1) from = lineStart + before + 2;
    const after = text.slice(end, lineEnd).search(/[.!?](\s|$)/);
    if (after !== -1) to = end + after + 1;
  }
  return text.slice(from, to).trim();
}

const RANK: Record<DateSuggestion['rule'], number> = { labelled: 0, day: 1, iso: 2, month: 3 };

/**
 * Dates the text prints that could be its publication date, best first: a date after "Issued:",
 * "Published:" and the like, then full days, then months, each kind in the order of the text
 * (a page's own date usually comes first). Each date is offered once, with the line that prints it.
 * Suggestions only: the person chooses.
 */
export function suggestDates(text: string, limit = 8): DateSuggestion[] {
  const found: DateSuggestion[] = [];
  const covered: [number, number][] = [];
  for (const { rule, pattern, read } of RULES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const parts = read(m);
      const date = parts && toDate(parts);
      if (!date) continue;
      // The date proper: a labelled match starts at its label, a weekday is kept as printed.
      const label = rule === 'labelled' ? (new RegExp(`^${LABEL}`, 'i').exec(m[0])?.[0].length ?? 0) : 0;
      const start = m.index + label;
      const end = m.index + m[0].length;
      if (covered.some(([s, e]) => start < e && end > s)) continue;
      covered.push([start, end]);
      found.push({
        date,
        precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
        quote: sentenceAround(text, m.index, end),
        start,
        end,
        rule,
      });
    }
  }
  found.sort((a, b) => RANK[a.rule] - RANK[b.rule] || a.start - b.start);
  const seen = new Set<string>();
  return found.filter((s) => !seen.has(s.date) && seen.add(s.date)).slice(0, limit);
}
