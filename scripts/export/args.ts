import { parseArgs } from 'node:util';
import { DaySchema, NodeIdSchema, SavedViewIdSchema } from '../../graph/contract/api.ts';
import { TRACKER_FORMATS, type TrackerFormat } from '../../graph/contract/exports.ts';
import { PostsChartQuerySchema } from '../../graph/contract/posts-chart.ts';

/**
 * The arguments of `npm run export`, checked before anything is opened, each problem named with its
 * option so a script's author sees at once what to fix.
 */

export const FORMATS = ['png', 'svg', 'json', 'csv', 'graphml', ...TRACKER_FORMATS] as const;
export type Format = (typeof FORMATS)[number];
export const IMAGE_FORMATS: readonly Format[] = ['png', 'svg'];
/** Formats of office-holder trackers: they export an organisation's tenures (or a saved view's). */
export function isTrackerFormat(format: Format): format is TrackerFormat {
  return (TRACKER_FORMATS as readonly string[]).includes(format);
}
export const LAYOUTS = ['fcose', 'dagre', 'concentric'] as const;

export const USAGE = `Usage:
  npm run export -- --from <node-id> [--depth <n>] [--at <YYYY-MM-DD>] --format <format> --out <file>
  npm run export -- --view <saved-view-id> --format <format> --out <file>
  npm run export -- --chart <org-id> [--from <year> --to <year>] --format png|svg|csv --out <file>

Formats: png, svg (drawn by the built client in headless Chromium), json, csv, graphml; and for
office-holder trackers popolo (Popolo JSON), ftm (FollowTheMoney entities, NDJSON), gexf (GEXF 1.3
with time spells, for Gephi's timeline) and wikidata (position-held statements as CSV), which export
an organisation (--from org:…: its posts, every tenure of them, their holders and sources) or the
tenures in a saved view (--view).

--chart draws the Posts tab's chart of an organisation and the bodies answerable with it (png or
svg, in the publication frame, drawn by the built client), or writes its tenures as CSV (one row per
tenure: person, post, organisation, capacity, from and to with their precision, certainty, sources).
With --chart, --from and --to are years (or YYYY-MM, YYYY-MM-DD) bounding the chart.

Options:
  --from <node-id>     the node to start from, e.g. org:bury-council
  --depth <n>          rounds of expansion from it, 0–4 (default 1)
  --at <YYYY-MM-DD>    only relationships in force on that day (default: all dates)
  --limit <n>          neighbours per expansion, 1–500 (default 25, as in the explorer)
  --view <id>          a saved view instead of --from/--depth/--at (positions included)
  --format <format>    png | svg | json | csv | graphml | popolo | ftm | gexf | wikidata
                       (default: from the --out extension)
  --out <file>         where to write; csv writes <name>-nodes.csv and <name>-relationships.csv
  --scale <n>          images: 1–4 (default 2)
  --background <bg>    images: white | transparent (default white)
  --visible            images: only the browser window's view, not the whole graph
  --frame              images: add a title, the date, a legend and the sources
  --title <text>       the title for --frame and in JSON/GraphML (and of a --chart image)
  --chart <org-id>     the Posts chart of an organisation: png | svg | csv
  --to <date>          with --chart: the last year (or month, day) to show
  --layout <name>      images from --from: fcose | dagre | concentric (default fcose)
  --help               this text

Neo4j is found as the app finds it (NEO4J_URI etc., default bolt://127.0.0.1:7687); saved views
are read from DATA_DIR (default .data).`;

export interface ExportArgs {
  source:
    | { kind: 'node'; id: string; depth: number; at: string | null; limit: number }
    | { kind: 'view'; id: string }
    | { kind: 'chart'; id: string; from: string | null; to: string | null };
  format: Format;
  out: string;
  scale: number;
  background: 'white' | 'transparent';
  full: boolean;
  frame: boolean;
  title: string;
  layout: (typeof LAYOUTS)[number];
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function int(option: string, value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${option}: expected a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}

function formatFrom(value: string | undefined, out: string): Format {
  const given = value ?? /\.([a-z]+)$/i.exec(out)?.[1]?.toLowerCase();
  if (given === undefined)
    throw new UsageError(`--format is required (one of ${FORMATS.join(', ')}) when --out has no extension`);
  if (!FORMATS.includes(given as Format))
    throw new UsageError(
      `${value === undefined ? `The extension of --out ('.${given}')` : `--format '${given}'`} is not a known format: expected one of ${FORMATS.join(', ')}`,
    );
  return given as Format;
}

/** Parses argv (without node and the script); `{help: true}` when --help was asked for. */
export function parseExportArgs(argv: readonly string[]): ExportArgs | { help: true } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        depth: { type: 'string' },
        at: { type: 'string' },
        limit: { type: 'string' },
        view: { type: 'string' },
        chart: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        scale: { type: 'string' },
        background: { type: 'string' },
        visible: { type: 'boolean' },
        frame: { type: 'boolean' },
        title: { type: 'string' },
        layout: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);

  const out = str('out');
  if (!out) throw new UsageError('--out <file> is required');
  const format = formatFrom(str('format'), out);

  let source: ExportArgs['source'];
  const view = str('view');
  const from = str('from');
  const chart = str('chart');
  if (chart !== undefined) return chartArgs(chart, values, format, out);
  if (values.to !== undefined) throw new UsageError('--to applies to --chart only');
  if (view !== undefined) {
    for (const option of ['from', 'depth', 'at', 'limit'])
      if (values[option] !== undefined)
        throw new UsageError(
          `--view cannot be combined with --${option}: the saved view already says what to show`,
        );
    if (!SavedViewIdSchema.safeParse(view).success)
      throw new UsageError(`--view: '${view}' is not a saved view id (lower-case words joined by hyphens)`);
    source = { kind: 'view', id: view };
  } else {
    if (from === undefined)
      throw new UsageError('Either --from <node-id> or --view <saved view id> is required');
    if (!NodeIdSchema.safeParse(from).success)
      throw new UsageError(`--from: '${from}' is not a node id (expected something like org:bury-council)`);
    const at = str('at');
    if (at !== undefined) {
      const day = DaySchema.safeParse(at);
      if (!day.success) throw new UsageError(`--at: '${at}' is not a date: ${day.error.issues[0]?.message}`);
    }
    source = {
      kind: 'node',
      id: from,
      depth: int('depth', str('depth'), 0, 4, 1),
      at: at ?? null,
      limit: int('limit', str('limit'), 1, 500, 25),
    };
  }

  const background = str('background') ?? 'white';
  if (background !== 'white' && background !== 'transparent')
    throw new UsageError(`--background: expected white or transparent, got '${background}'`);
  const layout = str('layout') ?? 'fcose';
  if (!LAYOUTS.includes(layout as ExportArgs['layout']))
    throw new UsageError(`--layout: expected one of ${LAYOUTS.join(', ')}, got '${layout}'`);
  const imageOnly = ['scale', 'background', 'visible', 'frame', 'layout'].filter(
    (o) => values[o] !== undefined,
  );
  if (isTrackerFormat(format) && source.kind === 'node') {
    if (!source.id.startsWith('org:'))
      throw new UsageError(
        `--from: ${format} exports an organisation (--from org:…) or a saved view (--view), not '${source.id}'`,
      );
    const scoped = ['depth', 'at', 'limit'].find((o) => values[o] !== undefined);
    if (scoped)
      throw new UsageError(
        `--${scoped} does not apply to ${format}: it exports every tenure of the organisation's posts, over all dates`,
      );
  }
  if (!IMAGE_FORMATS.includes(format) && imageOnly.length > 0)
    throw new UsageError(`--${imageOnly[0]} applies to png and svg only, not ${format}`);

  return {
    source,
    format,
    out,
    scale: int('scale', str('scale'), 1, 4, 2),
    background,
    full: !values.visible,
    frame: Boolean(values.frame),
    title: str('title') ?? '',
    layout: layout as ExportArgs['layout'],
  };
}

const CHART_FORMATS: readonly Format[] = ['png', 'svg', 'csv'];
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `--chart <org-id> [--from <year>] [--to <year>]`: the Posts chart, as png, svg or csv. */
function chartArgs(
  id: string,
  values: Record<string, string | boolean | undefined>,
  format: Format,
  out: string,
): ExportArgs {
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  if (!PostsChartQuerySchema.shape.org.safeParse(id).success || !id.startsWith('org:'))
    throw new UsageError(
      `--chart: '${id}' is not an organisation id (expected something like org:bury-council)`,
    );
  if (!CHART_FORMATS.includes(format))
    throw new UsageError(`--chart draws png or svg, or writes csv, not ${format}`);
  for (const option of ['view', 'depth', 'at', 'limit', 'layout', 'visible', 'background'])
    if (values[option] !== undefined) throw new UsageError(`--${option} does not apply to --chart`);
  const bound = (option: 'from' | 'to') => {
    const value = str(option);
    if (value === undefined) return null;
    if (!PARTIAL_DATE.test(value) || Number.isNaN(Date.parse(value)))
      throw new UsageError(
        `--${option}: with --chart, expected a year like 2017 (or YYYY-MM, YYYY-MM-DD), got '${value}'`,
      );
    return value;
  };
  const from = bound('from');
  const to = bound('to');
  if (from && to && from.slice(0, to.length) > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  if (format === 'csv' && (values.scale !== undefined || values.frame !== undefined))
    throw new UsageError(
      `--${values.scale !== undefined ? 'scale' : 'frame'} applies to png and svg only, not csv`,
    );
  return {
    source: { kind: 'chart', id, from, to },
    format,
    out,
    scale: int('scale', str('scale'), 1, 4, 2),
    background: 'white',
    full: true,
    // A chart image is always framed: its legend and sources are part of it.
    frame: true,
    title: str('title') ?? '',
    layout: 'fcose',
  };
}

/** The files a format writes for `--out`: csv writes two beside each other (a chart's tenures, one). */
export function outputFiles(format: Format, out: string, chart = false): string[] {
  if (format !== 'csv' || chart) return [out];
  const base = out.replace(/\.csv$/i, '');
  return [`${base}-nodes.csv`, `${base}-relationships.csv`];
}
