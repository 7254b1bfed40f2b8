import type { Activity, Certainty } from '../../graph/contract/api.ts';

/** A day window [start, end] as YYYY-MM-DD strings; a single day has start === end. */
export interface Window {
  start: string;
  end: string;
}

/** A stretch inside a tenure when the holder held the post without doing it. */
export interface PeriodFacts {
  kind: Exclude<Activity, 'in-post'>;
  /** The windows its start and end can stand for; null where the sources do not say. */
  from: Window | null;
  to: Window | null;
  /** The window of the source reporting it (used when it has no dates of its own). */
  reported: Window | null;
}

/** What is known of one tenure, as windows of days. */
export interface TenureFacts {
  id: string;
  personId: string;
  postId: string;
  capacity: string | null;
  /** The windows the stated start and end (or the stated end of the tenure) can stand for. */
  statedFrom: Window | null;
  statedTo: Window | null;
  /** The windows in which sources show the person in post. */
  attestations: Window[];
  periods: PeriodFacts[];
  /** Known only from sources cited by URL, no words quoted: never more than `possible`. */
  citedOnly?: boolean;
}

/** What else is known of the post: the other tenures and the sources stating it vacant. */
export interface PostContext {
  tenures: readonly TenureFacts[];
  vacancies: readonly Window[];
}

export interface CertaintyAnswer {
  certainty: Certainty;
  basis: string;
  activity: Activity;
  activityBasis: string | null;
}

export const fmt = (w: Window) => (w.start === w.end ? w.start : `${w.start}…${w.end}`);
const overlaps = (a: Window, b: Window) => a.start <= b.end && b.start <= a.end;
const within = (inner: Window, outer: Window) => outer.start <= inner.start && inner.end <= outer.end;
const ACTIVITY_WORDS: Record<PeriodFacts['kind'], string> = {
  suspended: 'suspended',
  'on-leave': 'on leave',
  seconded: 'seconded',
};

/** The window a partial date (2017, 2017-06, 2017-06-12) stands for. */
export function windowOf(date: string): Window {
  const [y, m, d] = date.split('-');
  if (d) return { start: date, end: date };
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { start: `${y}-${m}-01`, end: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The window for bounds [notBefore, notAfter] of a source's date (partial dates). */
export function boundsWindow(notBefore: string, notAfter: string): Window {
  return { start: windowOf(notBefore).start, end: windowOf(notAfter).end };
}

/** A date as the API writes it (`2017-06-12`, `2017`, or `notBefore/notAfter`) as a window. */
export function windowOfShown(shown: string): Window {
  const [first, second] = shown.split('/');
  return second ? boundsWindow(first ?? shown, second) : windowOf(first ?? shown);
}

/** The days a period certainly, or only possibly, covers. */
function periodSpan(p: PeriodFacts): { possible: Window; certain: Window | null } | null {
  if (!p.from && !p.to) return p.reported ? { possible: p.reported, certain: null } : null;
  const possible = { start: p.from?.start ?? p.reported?.start ?? '0000', end: p.to?.end ?? '9999' };
  const certain = p.from && p.to && p.from.end <= p.to.start ? { start: p.from.end, end: p.to.start } : null;
  return { possible, certain };
}

/**
 * Another holder of the post, or a source stating it vacant, inside `gap`: then the gap cannot be
 * bridged by inference. Joint holders do not exclude each other.
 */
function blockerInside(self: TenureFacts, post: PostContext, gap: Window): string | null {
  if (post.vacancies.some((v) => overlaps(v, gap))) return 'a source states the post vacant in between';
  const rival = post.tenures.find((other) => {
    if (other.id === self.id || other.personId === self.personId) return false;
    if (other.capacity === 'joint' || self.capacity === 'joint') return false;
    const starts = [
      ...other.attestations,
      ...(other.statedFrom ? [other.statedFrom] : []),
      ...other.periods.flatMap((p) => (p.from ? [p.from] : [])),
    ];
    // An interim covering this holder's suspension or leave does not contradict this tenure.
    const covering = (w: Window) =>
      self.periods.some((p) => {
        const span = periodSpan(p);
        return span !== null && overlaps(span.possible, w);
      });
    return starts.some((w) => w.end > gap.start && w.start < gap.end && !covering(w));
  });
  return rival ? 'another holder is known in between' : null;
}

/** What the holder was doing during `window`: a period of the tenure that covers it, if any. */
export function activityAt(
  tenure: TenureFacts,
  window: Window,
): { activity: Activity; basis: string | null; period: PeriodFacts | null } {
  for (const period of tenure.periods) {
    const span = periodSpan(period);
    if (!span || !overlaps(span.possible, window)) continue;
    const words = ACTIVITY_WORDS[period.kind];
    const since = period.from ? ` since ${fmt(period.from)}` : '';
    const until = period.to ? ` until ${fmt(period.to)}` : '';
    const basis =
      span.certain && within(window, span.certain)
        ? `${words}${since}${until}, as a source states`
        : period.from || period.to
          ? `possibly ${words} (${words}${since}${until || ', no end known'})`
          : `${words} at some time in ${fmt(span.possible)}, as a source of that date says`;
    return { activity: period.kind, basis, period };
  }
  return { activity: 'in-post', basis: null, period: null };
}

/** The nearest piece of evidence of the tenure on each side of `window`. */
function brackets(tenure: TenureFacts, window: Window) {
  const marks: Window[] = [...tenure.attestations];
  for (const p of tenure.periods) {
    // A period shows the person holding the post, from its start to its end.
    if (p.from) marks.push(p.from);
    if (p.to) marks.push(p.to);
    if (!p.from && !p.to && p.reported && p.reported.start === p.reported.end) marks.push(p.reported);
  }
  if (tenure.statedFrom) marks.push(tenure.statedFrom);
  if (tenure.statedTo) marks.push(tenure.statedTo);
  const lower = marks.filter((a) => a.end <= window.start).sort((a, b) => b.end.localeCompare(a.end))[0];
  const upper = marks.filter((a) => a.start >= window.end).sort((a, b) => a.start.localeCompare(b.start))[0];
  return { lower, upper };
}

function answer(tenure: TenureFacts, window: Window, certainty: Certainty, basis: string): CertaintyAnswer {
  const { activity, basis: activityBasis } = activityAt(tenure, window);
  return { certainty, basis, activity, activityBasis };
}

/**
 * How well the sources establish that a tenure covered `window` (a day, or the days a date can
 * stand for), and what the holder was doing. Null when the sources do not tell: never a guess.
 * A tenure known only from citations (a URL, no words quoted) is at most `possible`: its dates are
 * read as they would be from a quote, but nothing quoted confirms them.
 */
export function certaintyAt(tenure: TenureFacts, window: Window, post?: PostContext): CertaintyAnswer | null {
  const found = fromSources(tenure, window, post);
  if (!found || !tenure.citedOnly) return found;
  return { ...found, certainty: 'possible', basis: `cited by URL, not quoted, where ${found.basis}` };
}

function fromSources(tenure: TenureFacts, window: Window, post?: PostContext): CertaintyAnswer | null {
  const context: PostContext = post ?? { tenures: [tenure], vacancies: [] };
  const { statedFrom, statedTo } = tenure;
  // A stated end or start that excludes the window outright settles it.
  if (statedTo && statedTo.end < window.start) return null;
  if (statedFrom && statedFrom.start > window.end) return null;
  if (statedFrom && statedTo && statedFrom.end <= window.start && window.end <= statedTo.start) {
    return answer(
      tenure,
      window,
      'stated',
      `a source states the tenure from ${fmt(statedFrom)} to ${fmt(statedTo)}`,
    );
  }
  const dated = tenure.attestations.find((a) => within(a, window));
  if (dated) {
    return answer(tenure, window, 'attested', `a source dated ${fmt(dated)} shows the person in post`);
  }
  for (const period of tenure.periods) {
    const span = periodSpan(period);
    if (span?.certain && within(window, span.certain)) {
      return answer(
        tenure,
        window,
        'stated',
        `a source states the ${ACTIVITY_WORDS[period.kind]} period covering it`,
      );
    }
  }
  const { lower, upper } = brackets(tenure, window);
  if (lower && upper) {
    const blocker = blockerInside(tenure, context, { start: lower.end, end: upper.start });
    if (!blocker) {
      return answer(
        tenure,
        window,
        'inferred',
        `in post on ${fmt(lower)} and on ${fmt(upper)}, with no other holder or vacancy known in between`,
      );
    }
  }
  const around = tenure.attestations.find((a) => overlaps(a, window));
  if (around) {
    return answer(
      tenure,
      window,
      'possible',
      `a source dated only within ${fmt(around)}, which includes this date, shows the person in post`,
    );
  }
  if (statedFrom && statedTo && overlaps({ start: statedFrom.start, end: statedTo.end }, window)) {
    return answer(
      tenure,
      window,
      'possible',
      `a source states the tenure from ${fmt(statedFrom)} to ${fmt(statedTo)}, which may or may not cover this date`,
    );
  }
  if (statedFrom && !statedTo && statedFrom.start <= window.end) {
    const blocker = blockerInside(tenure, context, { start: statedFrom.start, end: window.end });
    if (!blocker) {
      return answer(
        tenure,
        window,
        'possible',
        `a source states the tenure began ${fmt(statedFrom)}; no end and nothing after it is known`,
      );
    }
  }
  const period = activityAt(tenure, window);
  if (period.period) {
    return {
      certainty: 'possible',
      basis: `a source places the holder there, ${period.basis}`,
      activity: period.activity,
      activityBasis: period.basis,
    };
  }
  return null;
}

/**
 * The stretches between consecutive pieces of evidence of a tenure that can be bridged by
 * inference (nothing contradicting in between), for drawing inferred spans.
 */
export function inferredSpans(tenure: TenureFacts, post: PostContext): Window[] {
  // Nothing is inferred from citations: they are not evidence of the days they cover.
  if (tenure.citedOnly) return [];
  const marks = [...tenure.attestations, ...(tenure.statedFrom ? [tenure.statedFrom] : [])]
    .concat(tenure.statedTo ? [tenure.statedTo] : [])
    .concat(tenure.periods.flatMap((p) => [p.from, p.to].filter((w): w is Window => w !== null)))
    .sort((a, b) => a.end.localeCompare(b.end));
  const spans: Window[] = [];
  for (let i = 1; i < marks.length; i += 1) {
    const lower = marks[i - 1] as Window;
    const upper = marks[i] as Window;
    if (upper.start <= lower.end) continue;
    const gap = { start: lower.end, end: upper.start };
    if (!blockerInside(tenure, post, gap)) spans.push(gap);
  }
  return spans;
}
