import {
  type TenureDataset,
  TenureDatasetSchema,
  TRACKER_FILES,
  type TrackerFormat,
} from '../../../graph/contract/exports.ts';
import type { ExportGraph } from '../../../graph/export/elements.ts';
import { graphToGexf } from '../../../graph/export/gexf.ts';
import { trackerFile } from '../../../graph/export/tracker.ts';
import { ApiError, requestJson } from '../api.ts';
import type { CanvasExport } from '../canvas/cy-export.ts';
import { isGroupId } from '../canvas/group.ts';
import { styleOf } from '../canvas/style.ts';
import { baseName, ExportError, type ExportFile } from './exporter.ts';

/**
 * The formats office-holder trackers use, from the Export menu. Popolo, FollowTheMoney and the
 * Wikidata-style CSV speak of tenures, so the tenures among the canvas's nodes and HOLDS edges are
 * asked of the API (`POST /api/exports/dataset`) and written by the same writers as the API and the
 * command line. GEXF is drawn from the canvas itself, so Gephi opens it with the explorer's
 * positions and colours.
 */

export interface TrackerExportDeps {
  canvas: Pick<CanvasExport, 'snapshot'>;
  /** The day the view shows, or null for all dates. */
  at(): string | null;
  fetch?: typeof fetch;
  /** The app's address, for citing documents that have no URL of their own. */
  appUrl?: string;
}

/** The ids the dataset endpoint reads: every node on the canvas and every tenure (HOLDS) edge. */
export function datasetNodeIds(graph: ExportGraph): string[] {
  return [
    // The canvas's own "N findings" groups are not in the graph and hold no tenures.
    ...graph.nodes.map((n) => n.data.id).filter((id) => !isGroupId(id)),
    ...graph.edges.filter((e) => e.data.type === 'HOLDS').map((e) => e.data.id),
  ];
}

export function createTrackerExporter(deps: TrackerExportDeps) {
  const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const colourOf = (label: string) => styleOf(label).color;

  async function dataset(graph: ExportGraph): Promise<TenureDataset> {
    const body = await requestJson<unknown>(doFetch, '/api/exports/dataset', {
      method: 'POST',
      body: JSON.stringify({ nodeIds: datasetNodeIds(graph) }),
    });
    const parsed = TenureDatasetSchema.safeParse(body);
    if (!parsed.success)
      throw new ApiError('BAD_RESPONSE', 'The server sent tenure data this page cannot read', 200);
    return parsed.data;
  }

  return {
    async file(format: TrackerFormat, title = ''): Promise<ExportFile> {
      const { graph } = deps.canvas.snapshot();
      if (graph.nodes.length === 0) throw new ExportError('There is nothing on the canvas to export.');
      const exportedAt = new Date().toISOString();
      const { extension, mediaType } = TRACKER_FILES[format];
      const name = `${baseName(title, deps.at())}.${extension}`;
      const text =
        format === 'gexf'
          ? graphToGexf(graph, { title: title.trim() || null, at: deps.at(), exportedAt }, { colourOf })
          : trackerFile(format, await dataset(graph), {
              exportedAt,
              title: title.trim() || null,
              appUrl: deps.appUrl ?? globalThis.location?.origin,
            });
      return { name, blob: new Blob([text], { type: mediaType }) };
    },
  };
}

export type TrackerExporter = ReturnType<typeof createTrackerExporter>;
