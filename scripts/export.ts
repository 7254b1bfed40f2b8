/**
 * `npm run export -- --from <node-id> --depth <n> --at <date> --format png|svg|json|csv|graphml --out <file>`
 * or `--view <saved view id>`: the explorer's exports without opening a browser; `--chart <org-id>`
 * the Posts tab's chart (png, svg) or its tenures (csv). The tracker formats
 * (popolo, ftm, gexf, wikidata) export an organisation (`--from org:…`) or a saved view's tenures.
 * Data formats are written here from the same API and composition as the explorer's; images are drawn by the built
 * client in headless Chromium. Bad arguments get a message and exit code 2; other failures exit 1.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError, createApi } from '../client/src/api.ts';
import { styleOf } from '../client/src/canvas/style.ts';
import { createSavedViewsApi } from '../client/src/export/saved-views-api.ts';
import { sourceLine } from '../client/src/export/sources.ts';
import { fetchPostsChart } from '../client/src/posts/posts-api.ts';
import { neo4jConfigFromEnv } from '../graph/config.ts';
import type { PostsChart } from '../graph/contract/posts-chart.ts';
import { openGraph } from '../graph/driver.ts';
import { graphToCsv } from '../graph/export/csv.ts';
import type { ExportMeta } from '../graph/export/elements.ts';
import { evidenceDocumentIds } from '../graph/export/elements.ts';
import { graphToGexf } from '../graph/export/gexf.ts';
import { graphToGraphml } from '../graph/export/graphml.ts';
import { graphToJson } from '../graph/export/json.ts';
import { trackerFile } from '../graph/export/tracker.ts';
import { createApp } from '../server/app.ts';
import { serverConfigFromEnv } from '../server/config.ts';
import { listenOnFreePort } from '../server/listen.ts';
import { silentLogger } from '../server/logger.ts';
import {
  type ExportArgs,
  IMAGE_FORMATS,
  isTrackerFormat,
  outputFiles,
  parseExportArgs,
  USAGE,
  UsageError,
} from './export/args.ts';
import { chartCsv, renderChart } from './export/chart.ts';
import { checkBrowserReady, renderImage } from './export/render.ts';
import { type Subgraph, subgraphFrom, subgraphOfView } from './export/subgraph.ts';
import { fetchDataset } from './export/tracker-dataset.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT_DIR = path.join(ROOT, 'dist', 'client');

/** Refuses an output path that cannot be written before any work is done. */
function checkWritable(files: string[]): void {
  for (const file of files) {
    const dir = path.dirname(path.resolve(file));
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(dir);
    } catch {
      throw new UsageError(`Cannot write ${file}: the folder ${dir} does not exist`);
    }
    if (!stat.isDirectory()) throw new UsageError(`Cannot write ${file}: ${dir} is not a folder`);
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      throw new UsageError(`Cannot write ${file}: the folder ${dir} is not writable`);
    }
    try {
      if (statSync(file).isDirectory()) throw new UsageError(`Cannot write ${file}: it is a folder`);
      accessSync(file, constants.W_OK);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new UsageError(`Cannot write ${file}: the file exists and is not writable`);
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseExportArgs(argv);
  if ('help' in parsed) {
    console.log(USAGE);
    return 0;
  }
  const args: ExportArgs = parsed;
  const files = outputFiles(args.format, args.out, args.source.kind === 'chart');
  checkWritable(files);
  const image = IMAGE_FORMATS.includes(args.format);
  if (image) checkBrowserReady(CLIENT_DIR);

  const neo4j = neo4jConfigFromEnv();
  const graph = openGraph(neo4j);
  try {
    try {
      await graph.verify();
    } catch (error) {
      throw new Error(
        `Cannot reach Neo4j at ${neo4j.uri}: ${error instanceof Error ? error.message : String(error)}. Start it with \`npm run db:start\` or set NEO4J_URI.`,
      );
    }
    // The app itself, in this process on a free loopback port: the API the explorer uses and, for
    // images, the built client.
    const config = { ...serverConfigFromEnv(), host: '127.0.0.1', port: 0 };
    const server = await listenOnFreePort(
      createApp({ graph, config, logger: silentLogger, staticDir: image ? CLIENT_DIR : undefined }),
    );
    const baseUrl = server.url;
    try {
      const api = createApi({ baseUrl });
      if (args.source.kind === 'chart') {
        const { id, from, to } = args.source;
        let chart: PostsChart;
        try {
          chart = await fetchPostsChart(
            { org: id, from: from ?? undefined, to: to ?? undefined },
            { baseUrl },
          );
        } catch (error) {
          if (error instanceof ApiError && error.code === 'NOT_FOUND')
            throw new UsageError(`--chart: no organisation with id '${id}' in the graph at ${neo4j.uri}`);
          throw error;
        }
        if (args.format === 'csv') {
          await writeFile(args.out, await chartCsv(chart, api));
        } else {
          const bytes = await renderChart({
            baseUrl,
            org: id,
            from,
            to,
            format: args.format as 'png' | 'svg',
            scale: args.scale,
            title: args.title,
          });
          await writeFile(args.out, bytes);
        }
        const tenures = chart.organisations.reduce(
          (n, o) => n + o.posts.reduce((m, p) => m + p.tenures.length, 0),
          0,
        );
        const posts = chart.organisations.reduce((n, o) => n + o.posts.length, 0);
        console.log(`Wrote ${args.out} (${posts} posts, ${tenures} tenures).`);
        return 0;
      }
      if (isTrackerFormat(args.format) && args.source.kind === 'node') {
        // An organisation: its posts, every tenure of them and their holders, over all dates.
        const dataset = await fetchDataset(baseUrl, { org: args.source.id });
        if (!dataset)
          throw new UsageError(
            `--from: no organisation with id '${args.source.id}' in the graph at ${neo4j.uri}`,
          );
        const exportedAt = new Date().toISOString();
        await writeFile(
          args.out,
          trackerFile(args.format, dataset, {
            exportedAt,
            title: args.title || null,
            colourOf: (label) => styleOf(label).color,
          }),
        );
        console.log(
          `Wrote ${args.out} (${dataset.tenures.length} tenures of ${dataset.posts.length} posts).`,
        );
        return 0;
      }
      let subgraph: Subgraph;
      let savedViewId: string | undefined;
      if (args.source.kind === 'view') {
        let saved: Awaited<ReturnType<ReturnType<typeof createSavedViewsApi>['get']>>;
        try {
          saved = await createSavedViewsApi(fetch, baseUrl).get(args.source.id);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'NOT_FOUND')
            throw new UsageError(
              `--view: no saved view '${args.source.id}' in ${path.resolve(config.dataDir, 'views')}`,
            );
          throw error;
        }
        subgraph = await subgraphOfView(api, saved);
        savedViewId = saved.id;
      } else {
        try {
          subgraph = await subgraphFrom(api, args.source, args.layout);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'NOT_FOUND')
            throw new UsageError(`--from: no node with id '${args.source.id}' in the graph at ${neo4j.uri}`);
          throw error;
        }
      }
      const meta: ExportMeta = {
        title: args.title || null,
        at: subgraph.link.at,
        exportedAt: new Date().toISOString(),
      };
      const counts = `${subgraph.graph.nodes.length} nodes, ${subgraph.graph.edges.length} relationships`;

      if (image) {
        const bytes = await renderImage({
          baseUrl,
          link: subgraph.link,
          savedViewId,
          request: {
            format: args.format as 'png' | 'svg',
            full: args.full,
            scale: args.scale,
            background: args.background,
            frame: args.frame,
            title: args.title,
          },
        });
        await writeFile(args.out, bytes);
      } else if (args.format === 'json') {
        await writeFile(args.out, graphToJson(subgraph.graph, meta));
      } else if (args.format === 'gexf') {
        // The saved view's own graph, so Gephi opens it where the explorer placed it.
        await writeFile(
          args.out,
          graphToGexf(subgraph.graph, meta, { colourOf: (label) => styleOf(label).color }),
        );
      } else if (isTrackerFormat(args.format)) {
        // The tenures among the view's people and posts (and its HOLDS edges), with their sources.
        const ids = [
          ...subgraph.graph.nodes.map((n) => n.data.id),
          ...subgraph.graph.edges.filter((e) => e.data.type === 'HOLDS').map((e) => e.data.id),
        ];
        const dataset = await fetchDataset(baseUrl, { nodeIds: ids });
        if (!dataset) throw new Error("The export API found none of the view's nodes");
        await writeFile(args.out, trackerFile(args.format, dataset, { exportedAt: meta.exportedAt }));
      } else if (args.format === 'graphml') {
        await writeFile(
          args.out,
          graphToGraphml(subgraph.graph, meta, { colourOf: (label) => styleOf(label).color }),
        );
      } else {
        const titles: Record<string, string> = {};
        for (const id of evidenceDocumentIds(subgraph.graph)) {
          try {
            titles[id] = sourceLine(await api.document(id));
          } catch {
            // A document the graph cites but cannot return keeps its id in the file, without a title.
          }
        }
        const csv = graphToCsv(subgraph.graph, titles);
        await writeFile(files[0] as string, csv.nodes);
        await writeFile(files[1] as string, csv.relationships);
      }
      console.log(`Wrote ${files.join(' and ')} (${counts}).`);
      return 0;
    } finally {
      await server.close();
    }
  } finally {
    await graph.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`export: ${error.message}\n\nRun \`npm run export -- --help\` for the options.`);
      process.exit(2);
    }
    console.error(`export: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
