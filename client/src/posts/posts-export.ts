import type { PostsChart } from '../../../graph/contract/posts-chart.ts';
import type { LabelStyle } from '../canvas/style.ts';
import type { DataCache } from '../data.ts';
import { canvasMeasure, paintFrame } from '../export/frame-canvas.ts';
import { layoutFrame } from '../export/frame-layout.ts';
import { framedSvg } from '../export/frame-svg.ts';
import { sourceLine } from '../export/sources.ts';
import { formatDate } from '../format/dates.ts';
import { chartSvgDocument, createModel, createView } from './chart.ts';
import type { Measure } from './marks.ts';
import { dayNumber, dayString, fitRange, type Range } from './scale.ts';
import { CAPACITY_COLOURS, EVENT_COLOURS } from './svg.ts';
import { tenureSources } from './tenure.ts';
import { tenuresCsv } from './tenure-csv.ts';

/**
 * The chart as a file: SVG or PNG inside the publication frame (title, range, legend, sources), or
 * the tenures as CSV. Also `window.__agPostsChart`, which `npm run export -- --chart` drives.
 */

export const EXPORT_WIDTH = 1400;

export type ChartFormat = 'svg' | 'png' | 'csv';

export interface ChartExportRequest {
  format: ChartFormat;
  range?: Range | null;
  /** The cursor's day, drawn when given. */
  at?: string | null;
  title?: string;
  scale?: number;
}

const LEGEND: Array<{ label: string; style: LabelStyle }> = [
  { label: 'substantive', style: { color: CAPACITY_COLOURS.substantive, shape: 'rectangle', meaning: '' } },
  { label: 'interim', style: { color: CAPACITY_COLOURS.interim, shape: 'rectangle', meaning: '' } },
  { label: 'acting', style: { color: CAPACITY_COLOURS.acting, shape: 'rectangle', meaning: '' } },
  { label: 'joint', style: { color: CAPACITY_COLOURS.joint, shape: 'rectangle', meaning: '' } },
  { label: 'inspection', style: { color: EVENT_COLOURS.Inspection, shape: 'diamond', meaning: '' } },
  { label: 'report', style: { color: EVENT_COLOURS.Report, shape: 'rectangle', meaning: '' } },
  { label: 'finding', style: { color: EVENT_COLOURS.Finding, shape: 'ellipse', meaning: '' } },
];

export const ENCODING_NOTE =
  'Solid bar: dates stated by a source. Thin light bar: inferred between sources. Whisker |—|: the widest the sources allow. Tick: a source dated to the day; bracket: a source dated to a month, a year or within bounds. Hatching: suspended or on leave. Dashed box: vacant. Empty: nothing known.';

async function sourceLines(chart: PostsChart, data: Pick<DataCache, 'document'>): Promise<string[]> {
  const ids = new Set<string>();
  for (const org of chart.organisations)
    for (const post of org.posts) {
      for (const t of post.tenures) for (const id of tenureSources(t)) ids.add(id);
      for (const v of post.vacancies) for (const ev of v.evidence) ids.add(ev.documentId);
    }
  for (const event of chart.events) for (const ev of event.evidence) ids.add(ev.documentId);
  const lines: string[] = [];
  for (const id of ids) {
    try {
      lines.push(sourceLine(await data.document(id)));
    } catch {
      lines.push(id);
    }
  }
  return lines;
}

async function titlesOf(
  chart: PostsChart,
  data: Pick<DataCache, 'document'>,
): Promise<Record<string, string>> {
  const titles: Record<string, string> = {};
  for (const org of chart.organisations)
    for (const post of org.posts)
      for (const t of post.tenures)
        for (const id of tenureSources(t)) {
          if (titles[id]) continue;
          try {
            titles[id] = (await data.document(id)).title;
          } catch {
            // The id stays in the file without a title.
          }
        }
  return titles;
}

function svgImage(svg: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}

export async function exportChart(
  chart: PostsChart,
  request: ChartExportRequest,
  data: Pick<DataCache, 'document'>,
  measure: Measure = (() => {
    const m = canvasMeasure();
    return (text: string, size: number) => m(text, { size, weight: 400 });
  })(),
): Promise<{ name: string; blob: Blob }> {
  const base = `posts-${chart.organisation.id.replace(/[^a-z0-9]+/gi, '-')}`;
  if (request.format === 'csv')
    return {
      name: `${base}.csv`,
      blob: new Blob([tenuresCsv(chart, await titlesOf(chart, data))], { type: 'text/csv' }),
    };
  const today = new Date().toISOString().slice(0, 10);
  const range = request.range ?? fitRange(chart.extent, today);
  const model = createModel(chart, measure);
  const view = createView(model, range, EXPORT_WIDTH, measure);
  const cursor = request.at ? dayNumber(request.at) : null;
  const svg = chartSvgDocument(model, view, EXPORT_WIDTH, cursor);
  const frameMeasure = canvasMeasure();
  const layout = layoutFrame({
    graph: { width: EXPORT_WIDTH, height: view.headerHeight + model.height },
    title: request.title || `Posts: ${chart.organisation.name} and the bodies answerable with it`,
    dateLine: `${formatDate(dayString(range.start))} to ${formatDate(dayString(range.end))}${request.at ? ` · red line: ${formatDate(request.at)}` : ''}. ${ENCODING_NOTE}`,
    legend: LEGEND,
    sources: await sourceLines(chart, data),
    measure: frameMeasure,
  });
  const scale = request.scale ?? 1;
  if (request.format === 'svg')
    return {
      name: `${base}.svg`,
      blob: new Blob([framedSvg(layout, svg, scale, '#ffffff')], { type: 'image/svg+xml' }),
    };
  const image = await svgImage(svg);
  const canvas = paintFrame(layout, image, scale, '#ffffff');
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob || blob.size === 0) throw new Error('The browser produced an empty PNG');
  return { name: `${base}.png`, blob };
}

export interface PostsChartAutomation {
  file(
    request: { org: string; from?: string; to?: string } & ChartExportRequest,
  ): Promise<{ name: string; base64: string }>;
}

/** The hook the export CLI calls in headless Chromium: the chart of `org` as a file, in base64. */
export function installChartAutomation(
  fetchChart: (q: { org: string; from?: string; to?: string }) => Promise<PostsChart>,
  data: Pick<DataCache, 'document'>,
): void {
  const automation: PostsChartAutomation = {
    async file(request) {
      const chart = await fetchChart({ org: request.org, from: request.from, to: request.to });
      const range =
        request.from || request.to
          ? fitRange(
              {
                start: request.from ? `${request.from.slice(0, 4)}-01-01` : chart.extent.start,
                end: request.to ? `${request.to.slice(0, 4)}-12-31` : chart.extent.end,
              },
              new Date().toISOString().slice(0, 10),
            )
          : null;
      const file = await exportChart(chart, { ...request, range }, data);
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { name: file.name, base64: btoa(binary) };
    },
  };
  Object.assign(window, { __agPostsChart: automation });
}
