import type { Certainty } from '../../graph/contract/api.ts';

/** A day window [start, end] as YYYY-MM-DD strings; a single day has start === end. */
export interface Window {
  start: string;
  end: string;
}

/** What is known of one tenure: stated bounds (days) and the windows in which sources attest it. */
export interface TenureFacts {
  id: string;
  personId: string;
  postId: string;
  capacity: string | null;
  /** Earliest and latest day the stated start and end can stand for. */
  statedFrom: Window | null;
  statedTo: Window | null;
  attestations: Window[];
}

export interface CertaintyAnswer {
  certainty: Certainty;
  basis: string;
}

const fmt = (w: Window) => (w.start === w.end ? w.start : `${w.start}…${w.end}`);

/** A rival holds the same post at some moment inside `gap` (so the gap cannot be bridged by inference). */
function rivalInside(
  rivals: readonly TenureFacts[],
  gap: Window,
  self: TenureFacts,
): TenureFacts | undefined {
  return rivals.find((rival) => {
    if (rival.id === self.id || rival.personId === self.personId) return false;
    if (rival.capacity === 'joint' || self.capacity === 'joint') return false;
    const inGap = (w: Window) => w.end > gap.start && w.start < gap.end;
    if (rival.attestations.some(inGap)) return true;
    if (rival.statedFrom && rival.statedTo) {
      return inGap({ start: rival.statedFrom.start, end: rival.statedTo.end });
    }
    return false;
  });
}

/**
 * How well the sources establish that a tenure covered the whole of `window`.
 * - stated: a source gives a start and an end that certainly enclose the window;
 * - attested: a source dated within the window shows the person in post;
 * - inferred: the window lies between two attestations of the same tenure and no other holder
 *   of the post is attested or stated in between;
 * - null: not known from the sources. Never a guess.
 */
export function certaintyAt(
  tenure: TenureFacts,
  window: Window,
  rivals: readonly TenureFacts[] = [],
): CertaintyAnswer | null {
  const { statedFrom, statedTo } = tenure;
  if (statedFrom && statedTo && statedFrom.end <= window.start && window.end <= statedTo.start) {
    return {
      certainty: 'stated',
      basis: `a source states the tenure from ${fmt(statedFrom)} to ${fmt(statedTo)}`,
    };
  }
  // A stated end or start that excludes the window outright settles it.
  if (statedTo && statedTo.end < window.start) return null;
  if (statedFrom && statedFrom.start > window.end) return null;

  const within = tenure.attestations.find((a) => window.start <= a.start && a.end <= window.end);
  if (within) {
    return { certainty: 'attested', basis: `a source dated ${fmt(within)} shows the person in post` };
  }
  const before = tenure.attestations
    .filter((a) => a.end <= window.start)
    .sort((a, b) => (a.end < b.end ? 1 : -1))[0];
  const after = tenure.attestations
    .filter((a) => a.start >= window.end)
    .sort((a, b) => (a.start < b.start ? -1 : 1))[0];
  // A stated start before the window bridges like an attestation at that start.
  const lower = before ?? (statedFrom && statedFrom.end <= window.start ? statedFrom : undefined);
  const upper = after ?? (statedTo && window.end <= statedTo.start ? statedTo : undefined);
  if (lower && upper) {
    const gap = { start: lower.end, end: upper.start };
    const rival = rivalInside(rivals, gap, tenure);
    if (!rival) {
      return {
        certainty: 'inferred',
        basis: `in post on ${fmt(lower)} and on ${fmt(upper)}, with no other holder known in between`,
      };
    }
  }
  return null;
}

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

/** The window for bounds [notBefore, notAfter] of a source's date. */
export function boundsWindow(notBefore: string, notAfter: string): Window {
  return { start: windowOf(notBefore).start, end: windowOf(notAfter).end };
}
