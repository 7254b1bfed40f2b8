import type { Exporter, ExporterDeps } from './exporter.ts';
import type { TrackerExportDeps, TrackerExporter } from './tracker-exports.ts';

/**
 * The exporters, loaded the first time something is exported (or planned in the Export dialog).
 * Their writers (PNG/SVG frames, JSON, CSV, GraphML, GEXF, Popolo, FollowTheMoney, the
 * Wikidata-style CSV) are about a sixth of the explorer's code and no part of the first view, so
 * the page draws the opening without downloading or compiling them. A failed load is tried again.
 */
export function lazyWriters(deps: ExporterDeps & TrackerExportDeps): {
  exporter: Exporter;
  trackers: TrackerExporter;
} {
  let loading: Promise<{ exporter: Exporter; trackers: TrackerExporter }> | null = null;
  const load = () => {
    loading ??= Promise.all([import('./exporter.ts'), import('./tracker-exports.ts')]).then(
      ([exporter, trackers]) => ({
        exporter: exporter.createExporter(deps),
        trackers: trackers.createTrackerExporter(deps),
      }),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  return {
    exporter: {
      plan: async (request) => (await load()).exporter.plan(request),
      image: async (request) => (await load()).exporter.image(request),
      data: async (format, title) => (await load()).exporter.data(format, title),
    },
    trackers: {
      file: async (format, title) => (await load()).trackers.file(format, title),
    },
  };
}
