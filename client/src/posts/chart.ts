import type { PostsChart } from '../../../graph/contract/posts-chart.ts';
import { formatDate, formatSpan } from '../format/dates.ts';
import { groupFindingEvents, type ShownEvent } from './event-groups.ts';
import { placeEvents } from './events.ts';
import { fitText, type ItemDrawing, laneDrawings, type Measure } from './marks.ts';
import { buildRows, type Row, rowHasDataIn, type Tenure, totalHeight } from './rows.ts';
import { createScale, type Range, type Scale, ticks } from './scale.ts';
import { cursorSvg, defs, headerHeight, headerSvg, rowsSvg, type SvgOptions } from './svg.ts';
import { tenureSummary } from './tenure.ts';

/**
 * The chart at one zoom, pure: rows, scale, ticks, event markers, the drawings of the rows asked for
 * (memoised per row for this zoom), and what each reference (`t:`, `a:`, `p:`, `v:`, `e:`) points at,
 * for hover text and for the details panel.
 */

export const LABEL_MIN = 160;
export const LABEL_MAX = 300;

export type Target =
  | { kind: 'tenure'; tenure: Tenure; post: Row & { kind: 'post' } }
  | { kind: 'attestation'; tenure: Tenure; post: Row & { kind: 'post' }; index: number }
  | { kind: 'period'; tenure: Tenure; post: Row & { kind: 'post' }; index: number }
  | { kind: 'vacancy'; post: Row & { kind: 'post' }; index: number }
  | { kind: 'event'; event: ShownEvent };

export interface ChartModel {
  chart: PostsChart;
  rows: Row[];
  /** The strip's events, a report's findings gathered into one marker (event-groups.ts). */
  events: ShownEvent[];
  height: number;
  labelWidth: number;
  target(ref: string): Target | null;
  titleOf(ref: string): string;
}

export function createModel(chart: PostsChart, measure: Measure): ChartModel {
  const rows = buildRows(chart);
  const titles = rows.flatMap((r) => (r.kind === 'post' ? [measure(r.post.title, 12)] : []));
  const labelWidth = Math.round(Math.min(LABEL_MAX, Math.max(LABEL_MIN, ...titles.map((w) => w + 20))));
  const targets = new Map<string, Target>();
  for (const row of rows) {
    if (row.kind !== 'post') continue;
    row.post.vacancies.forEach((_, index) => {
      targets.set(`v:${row.post.id}:${index}`, { kind: 'vacancy', post: row, index });
    });
    for (const tenure of row.post.tenures) {
      targets.set(`t:${tenure.id}`, { kind: 'tenure', tenure, post: row });
      tenure.attestations.forEach((_, index) => {
        targets.set(`a:${tenure.id}:${index}`, { kind: 'attestation', tenure, post: row, index });
      });
      tenure.periods.forEach((_, index) => {
        targets.set(`p:${tenure.id}:${index}`, { kind: 'period', tenure, post: row, index });
      });
    }
  }
  const events = groupFindingEvents(chart.events);
  for (const event of events) targets.set(`e:${event.id}`, { kind: 'event', event });
  const target = (ref: string) => targets.get(ref) ?? null;
  return {
    chart,
    rows,
    events,
    height: totalHeight(rows),
    labelWidth,
    target,
    titleOf: (ref) => describe(target(ref)),
  };
}

/** Hover text of whatever a reference points at. */
export function describe(t: Target | null): string {
  if (!t) return '';
  switch (t.kind) {
    case 'tenure':
      return tenureSummary(t.tenure, t.post.post.title);
    case 'attestation': {
      const a = t.tenure.attestations[t.index];
      return a
        ? `${t.tenure.person.name} in post as ${t.post.post.title}: a source dated ${formatDate(a.date)}`
        : '';
    }
    case 'period': {
      const p = t.tenure.periods[t.index];
      return p
        ? `${t.tenure.person.name} ${p.kind} ${formatSpan(p.from, p.to)}${p.reported && !p.from ? ` (reported ${formatDate(p.reported)})` : ''}`
        : '';
    }
    case 'vacancy': {
      const v = t.post.post.vacancies[t.index];
      return v ? `${t.post.post.title}: vacant, ${formatDate(v.date)} (a source says so)` : '';
    }
    case 'event':
      return t.event.members
        ? `${t.event.name}, ${formatDate(t.event.date)}: choose the marker to list them with their sources`
        : `${t.event.label}${t.event.kind ? ` (${t.event.kind})` : ''}: ${t.event.name}\n${formatDate(t.event.date)}`;
  }
}

export interface View {
  scale: Scale;
  ticks: ReturnType<typeof ticks>;
  events: ReturnType<typeof placeEvents>;
  headerHeight: number;
  drawings(row: Row & { kind: 'post' }): ItemDrawing[][];
  hasData(row: Row & { kind: 'post' }): boolean;
  /** A post title, or an organisation's heading, cut with an ellipsis to fit the label column. */
  fitTitle(title: string, heading?: boolean): string;
}

/** The chart at `range` drawn `width` pixels wide (titles included). */
export function createView(model: ChartModel, range: Range, width: number, measure: Measure): View {
  const scale = createScale(range, model.labelWidth, Math.max(100, width - model.labelWidth - 8));
  const memo = new Map<string, ItemDrawing[][]>();
  const events = placeEvents(model.events, scale);
  return {
    scale,
    ticks: ticks(scale),
    events,
    headerHeight: headerHeight(events.levels),
    drawings(row) {
      let d = memo.get(row.post.id);
      if (!d) {
        d = row.lanes.map((lane) => laneDrawings(lane, scale, measure, row.post.id));
        memo.set(row.post.id, d);
      }
      return d;
    },
    hasData: (row) => rowHasDataIn(row, range),
    // An organisation's heading is 13 px bold: measured at 13 px and a tenth wider for the weight.
    fitTitle: (title, heading = false) =>
      fitText(title, model.labelWidth - 14, (t, s) => (heading ? measure(t, 13) * 1.1 : measure(t, s))) ?? '',
  };
}

/** The whole chart as one SVG document (every row): for the exports. */
export function chartSvgDocument(
  model: ChartModel,
  view: View,
  width: number,
  cursor: number | null,
): string {
  const o: SvgOptions = { interactive: false, titleOf: model.titleOf };
  const top = view.headerHeight;
  const height = top + model.height;
  const header = headerSvg(
    {
      scale: view.scale,
      width,
      labelWidth: model.labelWidth,
      ticks: view.ticks,
      markers: view.events.markers,
      levels: view.events.levels,
    },
    o,
  );
  const rows = rowsSvg(
    {
      rows: model.rows,
      scale: view.scale,
      labelWidth: model.labelWidth,
      width,
      drawings: view.drawings,
      hasData: view.hasData,
      fitTitle: view.fitTitle,
      ticks: view.ticks,
    },
    o,
  );
  const clip = `<clipPath id="pc-clip-rows"><rect x="0" y="0" width="${width}" height="${model.height}"/></clipPath>`;
  const line = cursor === null ? '' : cursorSvg(view.scale, cursor, height, true);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">${defs()}<rect width="${width}" height="${height}" fill="#ffffff"/>${header}<g transform="translate(0,${top})">${clip}<g clip-path="url(#pc-clip-rows)">${rows}</g></g>${line}</svg>`;
}
