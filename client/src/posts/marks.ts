import type { LaneItem, Tenure } from './rows.ts';
import type { Scale } from './scale.ts';
import { dayNumber, daysOf } from './scale.ts';
import {
  capacityKey,
  lastEvidencedDay,
  type TenureCertainty,
  tenureCertainty,
  tenureLabel,
} from './tenure.ts';

/**
 * What to draw for each tenure and vacancy of a lane at a given scale, pure, in pixels relative to
 * the lane's top. A stated span is a full bar; inferred spans a thinner, lighter bar; the possible
 * window a whisker with end caps (an open end runs to the edge with no cap); each attestation a tick,
 * or a bracket when its date is a month, a year or bounds; periods (suspended…) a hatched band. The
 * names are then placed where they overlap nothing: inside the bar, after it, before it, or not at all
 * (the hover and the details still name the holder).
 */

export const BAR_TOP = 4;
export const BAR_H = 15;
export const INFERRED_TOP = 7;
export const INFERRED_H = 9;
export const LABEL_SIZE = 12;

export type Measure = (text: string, size: number) => number;

export type Mark =
  | { kind: 'possible'; x1: number; x2: number; capStart: boolean; capEnd: boolean }
  | { kind: 'inferred'; x1: number; x2: number }
  | { kind: 'stated'; x1: number; x2: number; openEnd: boolean }
  | { kind: 'period'; x1: number; x2: number; label: string; index: number }
  | { kind: 'tick'; x: number; index: number; date: string }
  | { kind: 'bracket'; x1: number; x2: number; index: number; date: string }
  | { kind: 'vacancy'; x1: number; x2: number };

export interface ItemDrawing {
  item: LaneItem;
  /** A stable reference for clicks: `t:<tenure id>` or `v:<post id>:<index>`. */
  ref: string;
  capacity: string;
  certainty: TenureCertainty | 'vacancy';
  marks: Mark[];
  /** The pixels the marks cover, clipped to the chart. */
  x1: number;
  x2: number;
  /** The solid part a name can sit inside (stated, else inferred, else the vacancy box). */
  body: { x1: number; x2: number } | null;
  label: string;
  placed: { x: number; text: string; inside: boolean } | null;
}

interface Clip {
  left: number;
  right: number;
}

function span(scale: Scale, start: string | null, end: string | null, clip: Clip) {
  const x1 = start === null ? clip.left : scale.x(dayNumber(start));
  // The end day is included: a bar ends at the end of its last day.
  const x2 = end === null ? clip.right : scale.x(dayNumber(end) + 1);
  return { x1: Math.max(clip.left, x1), x2: Math.min(clip.right, x2), rawX1: x1, rawX2: x2 };
}

const visible = (s: { x1: number; x2: number }) => s.x2 > s.x1;

/** A dated source as a tick (one day) or a bracket (a month, a year, bounds). */
function dated(scale: Scale, date: string, index: number, clip: Clip): Mark | null {
  const days = daysOf(date);
  if (!days) return null;
  const s = span(scale, days.start, days.end, clip);
  if (!visible(s)) return null;
  if (days.start === days.end || s.rawX2 - s.rawX1 < 3) {
    const x = (s.rawX1 + s.rawX2) / 2;
    return x < clip.left || x > clip.right ? null : { kind: 'tick', x, index, date };
  }
  return { kind: 'bracket', x1: s.x1, x2: s.x2, index, date };
}

function tenureMarks(t: Tenure, scale: Scale, clip: Clip): Mark[] {
  const marks: Mark[] = [];
  const { stated, inferred, possible } = t.spans;
  if (possible) {
    const s = span(scale, possible.start, possible.end, clip);
    if (visible(s))
      marks.push({
        kind: 'possible',
        x1: s.x1,
        x2: s.x2,
        capStart: possible.start !== null && s.rawX1 >= clip.left,
        capEnd: possible.end !== null && s.rawX2 <= clip.right,
      });
  }
  for (const i of inferred) {
    const s = span(scale, i.start, i.end, clip);
    if (visible(s)) marks.push({ kind: 'inferred', x1: s.x1, x2: s.x2 });
  }
  if (stated) {
    // No stated end: the solid bar stops at the last evidence; beyond it only the possible whisker runs.
    const end = stated.end ?? lastEvidencedDay(t);
    const s = span(scale, stated.start ?? end, end, clip);
    if (visible(s))
      marks.push({ kind: 'stated', x1: s.x1, x2: Math.max(s.x2, s.x1 + 3), openEnd: stated.end === null });
  }
  t.periods.forEach((p, index) => {
    const from = p.from ? (daysOf(p.from)?.start ?? null) : p.reported;
    const to = p.to ? (daysOf(p.to)?.end ?? null) : null;
    const end = to ?? possible?.end ?? lastEvidencedDay(t);
    if (!from) return;
    const s = span(scale, from, end && end >= from ? end : from, clip);
    if (visible(s))
      marks.push({ kind: 'period', x1: s.x1, x2: Math.max(s.x2, s.x1 + 3), label: p.kind, index });
  });
  t.attestations.forEach((a, index) => {
    const mark = dated(scale, a.date, index, clip);
    if (mark) marks.push(mark);
  });
  return marks;
}

function bounds(marks: readonly Mark[]): { x1: number; x2: number } | null {
  if (marks.length === 0) return null;
  let x1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  for (const m of marks) {
    const a = m.kind === 'tick' ? m.x - 1 : m.x1;
    const b = m.kind === 'tick' ? m.x + 1 : m.x2;
    x1 = Math.min(x1, a);
    x2 = Math.max(x2, b);
  }
  return { x1, x2 };
}

/** The drawings of one lane, in order, with their names placed so that no two overlap. */
export function laneDrawings(
  lane: readonly LaneItem[],
  scale: Scale,
  measure: Measure,
  postId: string,
): ItemDrawing[] {
  const clip = { left: scale.x0, right: scale.x0 + scale.width };
  const drawings: ItemDrawing[] = [];
  for (const item of lane) {
    if (item.kind === 'vacancy') {
      const s = span(scale, item.vacancy.notBefore, item.vacancy.notAfter, clip);
      if (!visible(s) && !(s.rawX1 >= clip.left && s.rawX1 <= clip.right)) continue;
      const x2 = Math.max(s.x2, s.x1 + 4);
      drawings.push({
        item,
        ref: `v:${postId}:${item.index}`,
        capacity: 'vacancy',
        certainty: 'vacancy',
        marks: [{ kind: 'vacancy', x1: s.x1, x2 }],
        x1: s.x1,
        x2,
        body: { x1: s.x1, x2 },
        label: 'vacant',
        placed: null,
      });
      continue;
    }
    const t = item.tenure;
    const marks = tenureMarks(t, scale, clip);
    const box = bounds(marks);
    if (!box) continue;
    const stated = marks.find((m) => m.kind === 'stated');
    const inferred = marks.filter((m) => m.kind === 'inferred');
    const widest = inferred.reduce<Mark | null>(
      (best, m) => (best && 'x2' in best && best.x2 - best.x1 >= m.x2 - m.x1 ? best : m),
      null,
    );
    const body = stated ?? widest;
    const periods = [
      ...new Set(marks.filter((m) => m.kind === 'period').map((m) => (m as { label: string }).label)),
    ];
    drawings.push({
      item,
      ref: `t:${t.id}`,
      capacity: capacityKey(t.capacity),
      certainty: tenureCertainty(t),
      marks,
      x1: box.x1,
      x2: box.x2,
      body: body && 'x2' in body ? { x1: body.x1, x2: body.x2 } : null,
      label: periods.length > 0 ? `${tenureLabel(t)} · ${periods.join(', ')}` : tenureLabel(t),
      placed: null,
    });
  }
  placeLabels(drawings, measure, clip);
  return drawings;
}

/** Cuts a name to fit `width`, with an ellipsis; null when not even three letters fit. */
export function fitText(text: string, width: number, measure: Measure): string | null {
  if (measure(text, LABEL_SIZE) <= width) return text;
  for (let n = text.length - 1; n >= 3; n -= 1) {
    const cut = `${text.slice(0, n).trimEnd()}…`;
    if (measure(cut, LABEL_SIZE) <= width) return cut;
  }
  return null;
}

/**
 * Places each name inside its bar if it fits, else just after everything drawn for it, else just
 * before, else cut to fit inside; never over another item or another name of the lane.
 */
export function placeLabels(drawings: ItemDrawing[], measure: Measure, clip: Clip): void {
  const PAD = 4;
  let occupied = clip.left;
  drawings.forEach((d, i) => {
    const next = drawings[i + 1]?.x1 ?? clip.right;
    const w = measure(d.label, LABEL_SIZE);
    const body = d.body;
    if (body && body.x2 - body.x1 >= w + 2 * PAD) {
      d.placed = { x: body.x1 + PAD, text: d.label, inside: true };
    } else if (d.x2 + PAD + w <= Math.min(next, clip.right) - PAD) {
      d.placed = { x: d.x2 + PAD, text: d.label, inside: false };
    } else if (d.x1 - PAD - w >= Math.max(occupied, clip.left) + PAD) {
      d.placed = { x: d.x1 - PAD - w, text: d.label, inside: false };
    } else if (body) {
      const text = fitText(d.label, body.x2 - body.x1 - 2 * PAD, measure);
      if (text) d.placed = { x: body.x1 + PAD, text, inside: true };
    }
    const labelEnd = d.placed && !d.placed.inside ? d.placed.x + measure(d.placed.text, LABEL_SIZE) : 0;
    occupied = Math.max(d.x2, labelEnd);
  });
}
