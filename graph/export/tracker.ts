import type { TenureDataset, TrackerFormat } from '../contract/exports.ts';
import { graphFromDataset } from './dataset-graph.ts';
import { ftmNdjson } from './ftm.ts';
import { type GexfOptions, graphToGexf } from './gexf.ts';
import { popoloJson } from './popolo.ts';
import type { SourceOptions } from './sources.ts';
import { wikidataCsv } from './wikidata.ts';

/**
 * One tracker format's file from the tenure data: the API, the command line and the browser's
 * Export menu all write through here. GEXF is drawn from the data as the explorer would show it;
 * the menu, which has the canvas, may call `graphToGexf` on the canvas instead to keep positions.
 */
export function trackerFile(
  format: TrackerFormat,
  dataset: TenureDataset,
  options: SourceOptions & GexfOptions & { exportedAt: string; title?: string | null },
): string {
  switch (format) {
    case 'popolo':
      return popoloJson(dataset, { exportedAt: options.exportedAt }, options);
    case 'ftm':
      return ftmNdjson(dataset, options);
    case 'gexf':
      return graphToGexf(
        graphFromDataset(dataset),
        { title: options.title ?? dataset.subject?.name ?? null, at: null, exportedAt: options.exportedAt },
        options,
      );
    case 'wikidata':
      return wikidataCsv(dataset);
  }
}
