import type { PostsChart } from '../../../graph/contract/posts-chart.ts';
import { dayNumber, daysOf } from './scale.ts';
import { type DayExtent, tenureExtent } from './tenure.ts';

/**
 * The chart's rows, pure: a heading per organisation, then a row per post; a post's tenures and
 * vacancies packed into lanes so that nothing drawn in a row overlaps (joint holders, an interim
 * beside a suspended substantive holder); each row's top and height; and which rows a scrolled
 * window shows, so that only those are drawn.
 */

export type Organisation = PostsChart['organisations'][number];
export type Post = Organisation['posts'][number];
export type Tenure = Post['tenures'][number];
export type Vacancy = Post['vacancies'][number];

export type LaneItem =
  | { kind: 'tenure'; tenure: Tenure; extent: DayExtent | null }
  | { kind: 'vacancy'; vacancy: Vacancy; index: number; extent: DayExtent };

export type Row =
  | { kind: 'org'; org: Organisation; top: number; height: number }
  | { kind: 'post'; org: Organisation; post: Post; lanes: LaneItem[][]; top: number; height: number };

export const ORG_ROW = 28;
export const LANE = 24;
export const ROW_PAD = 6;

/** Days kept free between two items in one lane: none; a tenure may start the day after another ends. */
const GAP_DAYS = 0;

function pack(items: LaneItem[]): LaneItem[][] {
  const dated = [...items].sort(
    (a, b) => (a.extent?.start ?? 0) - (b.extent?.start ?? 0) || (a.extent?.end ?? 0) - (b.extent?.end ?? 0),
  );
  const lanes: LaneItem[][] = [];
  const ends: number[] = [];
  for (const item of dated) {
    const extent = item.extent as DayExtent;
    const lane = ends.findIndex((end) => end + GAP_DAYS < extent.start);
    if (lane === -1) {
      lanes.push([item]);
      ends.push(extent.end);
    } else {
      lanes[lane]?.push(item);
      ends[lane] = extent.end;
    }
  }
  return lanes;
}

/**
 * Greedy interval packing: items by start, each into the first lane free at its start. Undated
 * tenures (no span, no dated source) go on a lane of their own, last, so they are still listed.
 */
export function packLanes(post: Post): LaneItem[][] {
  const items: LaneItem[] = [
    ...post.tenures.map((tenure): LaneItem => ({ kind: 'tenure', tenure, extent: tenureExtent(tenure) })),
    ...post.vacancies.map((vacancy, index): LaneItem => {
      const start = daysOf(vacancy.notBefore)?.start ?? vacancy.notBefore;
      const end = daysOf(vacancy.notAfter)?.end ?? vacancy.notAfter;
      return { kind: 'vacancy', vacancy, index, extent: { start: dayNumber(start), end: dayNumber(end) } };
    }),
  ];
  // Vacancies get lanes of their own, under the holders', so that each has room for its label.
  const lanes = [
    ...pack(items.filter((i) => i.kind === 'tenure' && i.extent !== null)),
    ...pack(items.filter((i) => i.kind === 'vacancy')),
  ];
  const undated = items.filter((i) => i.extent === null);
  for (const item of undated) lanes.push([item]);
  return lanes;
}

/** Rows in order (organisations as the server gives them, posts by title), each with its top. */
export function buildRows(chart: PostsChart): Row[] {
  const rows: Row[] = [];
  let top = 0;
  for (const org of chart.organisations) {
    rows.push({ kind: 'org', org, top, height: ORG_ROW });
    top += ORG_ROW;
    const posts = [...org.posts].sort((a, b) => a.title.localeCompare(b.title));
    for (const post of posts) {
      const lanes = packLanes(post);
      const height = Math.max(1, lanes.length) * LANE + ROW_PAD;
      rows.push({ kind: 'post', org, post, lanes, top, height });
      top += height;
    }
  }
  return rows;
}

export function totalHeight(rows: readonly Row[]): number {
  const last = rows[rows.length - 1];
  return last ? last.top + last.height : 0;
}

/**
 * The rows that meet the window from `scrollTop` to `scrollTop + height`, plus `overscan` pixels
 * either side; found by binary search so that scrolling 500 posts stays cheap.
 */
export function visibleRows(rows: readonly Row[], scrollTop: number, height: number, overscan = 200): Row[] {
  const top = scrollTop - overscan;
  const bottom = scrollTop + height + overscan;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid] as Row;
    if (row.top + row.height < top) lo = mid + 1;
    else hi = mid;
  }
  const out: Row[] = [];
  for (let i = lo; i < rows.length; i += 1) {
    const row = rows[i] as Row;
    if (row.top > bottom) break;
    out.push(row);
  }
  return out;
}

/** Whether anything in the row is dated within the range (else the row says "no source"). */
export function rowHasDataIn(row: Extract<Row, { kind: 'post' }>, range: DayExtent): boolean {
  return row.lanes.some((lane) =>
    lane.some(
      (item) => item.extent !== null && item.extent.end >= range.start && item.extent.start <= range.end,
    ),
  );
}
