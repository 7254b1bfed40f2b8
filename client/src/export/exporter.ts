import type { DocumentView } from '../../../graph/contract/api.ts';
import { graphToCsv } from '../../../graph/export/csv.ts';
import { type ExportGraph, type ExportMeta, evidenceDocumentIds } from '../../../graph/export/elements.ts';
import { graphToGraphml } from '../../../graph/export/graphml.ts';
import { graphToJson } from '../../../graph/export/json.ts';
import type { CanvasExport, GraphSnapshot } from '../canvas/cy-export.ts';
import { undatedOnlyDocuments } from '../canvas/in-force.ts';
import { styleOf } from '../canvas/style.ts';
import type { Size } from '../canvas/viewport.ts';
import type { DataCache } from '../data.ts';
import { type DataFormat, ExportError, type ExportFile, type ImageRequest } from './files.ts';
import { canvasMeasure, paintFrame } from './frame-canvas.ts';
import { type FrameLayout, layoutFrame, type Measure } from './frame-layout.ts';
import { framedSvg } from './frame-svg.ts';
import { legendEntries } from './legend-entries.ts';
import { checkCanvasSize } from './limits.ts';
import { dateLine, sourceLine } from './sources.ts';

// The menu's own vocabulary lives in files.ts, which the first view loads; this module comes later.
export {
  type DataFormat,
  download,
  ExportError,
  type ExportFile,
  type ImageFormat,
  type ImageRequest,
  SCALES,
} from './files.ts';

/**
 * Everything the Export menu (and the CLI, through the page) can make from the canvas: PNG and SVG
 * of the visible view or the whole graph, optionally framed for publication, and the elements on
 * the canvas as JSON, CSV or GraphML. Files are returned, not downloaded, so callers choose.
 */

export interface ExporterDeps {
  canvas: CanvasExport;
  data: Pick<DataCache, 'document'>;
  /** The day the view shows, or null for all dates. */
  at(): string | null;
  measure?: Measure;
}

const DEFAULT_TITLE = 'Accountability graph';

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** "bury-send-2017-11-21" from the title and date, so several exports do not overwrite each other. */
export function baseName(title: string, at: string | null): string {
  return [slug(title) || 'accountability-graph', at ?? 'all-dates'].join('-');
}

/** The part of the graph inside the window: nodes whose centre is visible, edges with both ends visible. */
export function visiblePart(snapshot: GraphSnapshot, window: Size): ExportGraph {
  const { zoom, pan } = snapshot.viewport;
  const x1 = -pan.x / zoom;
  const y1 = -pan.y / zoom;
  const x2 = x1 + window.width / zoom;
  const y2 = y1 + window.height / zoom;
  const nodes = snapshot.graph.nodes.filter((n) => {
    const p = n.position;
    return p !== undefined && p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
  });
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges = snapshot.graph.edges.filter((e) => ids.has(e.data.source) && ids.has(e.data.target));
  return { nodes, edges };
}

function byDate(a: DocumentView, b: DocumentView): number {
  return a.publishedNotBefore.localeCompare(b.publishedNotBefore) || a.title.localeCompare(b.title);
}

export function createExporter(deps: ExporterDeps) {
  let measure: Measure | null = deps.measure ?? null;

  async function documents(graph: ExportGraph): Promise<DocumentView[]> {
    const settled = await Promise.allSettled(evidenceDocumentIds(graph).map((id) => deps.data.document(id)));
    return settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])).sort(byDate);
  }

  async function frameFor(request: ImageRequest): Promise<FrameLayout> {
    const snapshot = deps.canvas.snapshot();
    const graph = request.full ? snapshot.graph : visiblePart(snapshot, deps.canvas.drawingSize(false));
    const shown = new Set(graph.nodes.map((n) => n.data.label));
    const legend = legendEntries(shown);
    measure ??= canvasMeasure();
    const undated = undatedOnlyDocuments(graph.edges);
    return layoutFrame({
      graph: deps.canvas.drawingSize(request.full),
      title: request.title.trim() || DEFAULT_TITLE,
      dateLine: dateLine(deps.at()),
      legend,
      // A source cited only by relationships no source dates says so, or it reads as of the view's date.
      sources: (await documents(graph)).map((doc) =>
        deps.at() && undated.has(doc.id) ? `${sourceLine(doc)} Date unknown.` : sourceLine(doc),
      ),
      measure,
    });
  }

  /** The size of the image in pixels, framed or not, and whether the browser can draw it. */
  async function plan(request: ImageRequest) {
    const size = request.frame ? await frameFor(request) : deps.canvas.drawingSize(request.full);
    // A canvas drops fractions of a pixel, so the image is the floor of size × scale.
    const width = Math.floor(size.width * request.scale + 1e-6);
    const height = Math.floor(size.height * request.scale + 1e-6);
    const check =
      request.format === 'png'
        ? checkCanvasSize(size.width, size.height, request.scale)
        : size.width > 0 && size.height > 0
          ? ({ ok: true } as const)
          : ({ ok: false, message: 'There is nothing on the canvas to export.', largestScale: 0 } as const);
    return { width, height, check };
  }

  function meta(title: string): ExportMeta {
    return { title: title.trim() || null, at: deps.at(), exportedAt: new Date().toISOString() };
  }

  return {
    plan,

    async image(request: ImageRequest): Promise<ExportFile> {
      const { check } = await plan(request);
      if (!check.ok) throw new ExportError(check.message);
      const background = request.background === 'white' ? '#ffffff' : null;
      const name = `${baseName(request.title, deps.at())}${request.frame ? '-framed' : ''}.${request.format}`;
      if (request.format === 'svg') {
        let text: string;
        if (request.frame) {
          const layout = await frameFor(request);
          const inner = deps.canvas.svg({ full: request.full, scale: 1, background: null });
          text = framedSvg(layout, inner, request.scale, background);
        } else {
          const svg = deps.canvas.svg({ full: request.full, scale: request.scale, background });
          text = svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
        }
        return { name, blob: new Blob([text], { type: 'image/svg+xml' }) };
      }
      if (!request.frame) {
        const blob = await deps.canvas.png({ full: request.full, scale: request.scale, background });
        if (blob.size === 0)
          throw new ExportError('The browser produced an empty image; try a smaller scale.');
        return { name, blob };
      }
      const layout = await frameFor(request);
      const graphPng = await deps.canvas.png({ full: request.full, scale: request.scale, background: null });
      const bitmap = await createImageBitmap(graphPng);
      const canvas = paintFrame(layout, bitmap, request.scale, background);
      bitmap.close();
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob || blob.size === 0)
        throw new ExportError('The browser produced an empty image; try a smaller scale.');
      return { name, blob };
    },

    async data(format: DataFormat, title = ''): Promise<ExportFile[]> {
      const { graph } = deps.canvas.snapshot();
      if (graph.nodes.length === 0) throw new ExportError('There is nothing on the canvas to export.');
      const base = baseName(title, deps.at());
      if (format === 'json')
        return [
          {
            name: `${base}.json`,
            blob: new Blob([graphToJson(graph, meta(title))], { type: 'application/json' }),
          },
        ];
      if (format === 'graphml') {
        const xml = graphToGraphml(graph, meta(title), { colourOf: (label) => styleOf(label).color });
        return [{ name: `${base}.graphml`, blob: new Blob([xml], { type: 'application/graphml+xml' }) }];
      }
      const titles = Object.fromEntries((await documents(graph)).map((doc) => [doc.id, sourceLine(doc)]));
      const csv = graphToCsv(graph, titles);
      return [
        { name: `${base}-nodes.csv`, blob: new Blob([csv.nodes], { type: 'text/csv' }) },
        { name: `${base}-relationships.csv`, blob: new Blob([csv.relationships], { type: 'text/csv' }) },
      ];
    },
  };
}

export type Exporter = ReturnType<typeof createExporter>;
