/** The results of a run: the JSON written for machines and the Markdown tables quoted in the README. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadReport } from '../../graph/load/load-plan.ts';
import type { ApiScaleSuiteResult } from './api-scale-suite.ts';
import type { ApiSuiteResult } from './api-suite.ts';
import type { BundleSizes } from './bundle-sizes.ts';
import type { DrawSuiteResult } from './draw-suite.ts';
import type { LoadSuiteResult } from './load-suite.ts';
import type { MachineInfo } from './machine.ts';
import type { NavSuiteResult } from './nav-suite.ts';
import { apiScaleSection } from './report-api-scale.ts';
import { int, ms, table } from './report-format.ts';
import type { ScaleSuiteResult } from './scale-suite.ts';
import type { Timing } from './timing.ts';

export interface BenchResults {
  date: string;
  command: string;
  durationSeconds: number;
  machine: MachineInfo;
  /** Absent when only suites that need no database ran. */
  neo4j?: { version: string; edition: string; target: 'local' | 'external' };
  /** What the figures mean, written after reading them (where the time goes, what changed since). */
  note?: string;
  suites: {
    load?: LoadSuiteResult;
    scale?: ScaleSuiteResult;
    api?: ApiSuiteResult;
    apiScale?: ApiScaleSuiteResult;
    draw?: DrawSuiteResult;
    nav?: NavSuiteResult;
    bundle?: BundleSizes;
  };
}

const spread = (t: Timing) => `${ms(t.minMs)} – ${ms(t.maxMs)}`;

function loadSection(load: LoadSuiteResult): string {
  const { seeds } = load;
  return [
    `### load — the real seeds (${seeds.documents} documents → ${seeds.nodes} nodes, ${seeds.relationships} relationships; ${load.iterations} runs each on a wiped graph, after one cold run)`,
    '',
    table(
      ['step', 'median ms', 'min – max ms', 'cold ms', 'throughput'],
      [
        [
          'validate + plan (read files, check every quote)',
          ms(load.prepare.medianMs),
          spread(load.prepare),
          ms(load.cold.prepareMs),
          '',
        ],
        [
          'first load into an empty graph',
          ms(load.firstLoad.medianMs),
          spread(load.firstLoad),
          ms(load.cold.firstLoadMs),
          `${int(load.firstLoad.nodesPerSecond)} nodes/s, ${int(load.firstLoad.relationshipsPerSecond)} rels/s`,
        ],
        [
          'reload, nothing changed',
          ms(load.reloadUnchanged.medianMs),
          spread(load.reloadUnchanged),
          ms(load.cold.reloadUnchangedMs),
          '',
        ],
        [
          `reload after one edit (${load.reloadEdited.updated.nodes} node, ${load.reloadEdited.updated.relationships} rels updated)`,
          ms(load.reloadEdited.medianMs),
          spread(load.reloadEdited),
          ms(load.cold.reloadEditedMs),
          '',
        ],
      ],
    ),
  ].join('\n');
}

/** Where the staging time went: nodes, relationships, and how long JavaScript was busy meanwhile. */
function stageDetail(p: LoadReport['phases'], sec: (ms: number) => string): string {
  if (p.stageNodesMs === undefined || p.stageRelationshipsMs === undefined) return '';
  const js = p.stageJsMs === undefined ? '' : `; JavaScript busy ${sec(p.stageJsMs)} s of it`;
  return ` = nodes ${sec(p.stageNodesMs)} s + relationships ${sec(p.stageRelationshipsMs)} s${js}`;
}

/** "median of 3 runs: 24.1, 26.0, 25.3 s" when there was more than one run. */
function runsNote(runsMs: number[] | undefined, sec: (ms: number) => string): string {
  if (!runsMs || runsMs.length < 2) return '';
  return `; median of ${runsMs.length} runs: ${runsMs.map(sec).join(', ')} s`;
}

function scaleSection(scale: ScaleSuiteResult): string {
  const { plan } = scale;
  const sec = (value: number) => (value / 1000).toFixed(1);
  const heading = `### scale — synthetic graph of ${int(plan.scale)} people (${int(plan.totalNodes)} nodes, ${int(plan.totalRelationships)} relationships, ${(plan.propertyBytes / 1e6).toFixed(0)} MB of properties), same data, same Neo4j`;
  const rows: (string | number)[][] = [];
  const loader = scale.loader;
  if (loader) {
    const p = loader.firstLoad.phases;
    rows.push([
      loader.firstLoad.mode === 'first-load'
        ? `project loader, first load (${loader.firstLoad.mode}: written straight in ${sec(p.stageMs ?? 0)} s${stageDetail(p, sec)}, indexes dropped before and built after ${sec(p.indexesMs ?? 0)} s, marker cleared ${sec(p.switchMs ?? 0)} s${runsNote(loader.firstLoad.runsMs, sec)})`
        : `project loader, first load (${loader.firstLoad.mode}: stage ${sec(p.stageMs ?? 0)} s${stageDetail(p, sec)}, switch ${sec(p.switchMs ?? 0)} s, retire ${sec(p.retireMs ?? 0)} s${runsNote(loader.firstLoad.runsMs, sec)})`,
      sec(loader.firstLoad.ms),
      int(loader.firstLoad.relationshipsPerSecond),
      '1',
    ]);
  }
  if (scale.loadCsv) {
    rows.push([
      `\`LOAD CSV … CALL { … } IN TRANSACTIONS OF 10000 ROWS\`, every index built once as the loader does: nodes, id constraints, relationships, then the other indexes (${scale.loadCsv.files} files; writing them took ${sec(scale.loadCsv.writeCsvMs)} s, not counted${runsNote(scale.loadCsv.runsMs, sec)})`,
      sec(scale.loadCsv.ms),
      int(scale.loadCsv.relationshipsPerSecond),
      scale.ratios?.loadCsvOverLoader === undefined
        ? ''
        : `${scale.ratios.loadCsvOverLoader}× the loader's time`,
    ]);
  }
  if (scale.naive) {
    rows.push([
      `naive MERGE, one row per transaction (measured on ${int(scale.naive.sampleNodes)} nodes + ${int(scale.naive.sampleRelationships)} relationships, scaled)`,
      sec(scale.naive.estimatedFullMs),
      int(scale.naive.estimatedRelationshipsPerSecond),
      scale.ratios?.naiveOverLoader === undefined ? '' : `${scale.ratios.naiveOverLoader}× the loader's time`,
    ]);
  }
  const reloads: (string | number)[][] = [];
  if (loader?.reloadUnchanged) {
    reloads.push([
      `reload, nothing changed (${loader.reloadUnchanged.mode}; reading what is loaded ${sec(loader.reloadUnchanged.phases.readMs)} s)`,
      sec(loader.reloadUnchanged.ms),
    ]);
  }
  if (loader?.reloadOneFact) {
    reloads.push([
      `reload after a one-fact edit (${loader.reloadOneFact.mode}: ${loader.reloadOneFact.updated} item written, ${int(loader.reloadOneFact.unchanged)} untouched)`,
      sec(loader.reloadOneFact.ms),
    ]);
  }
  const check = loader?.check
    ? `\n\nAfter the loads: counts per label and type ${loader.check.countsEqualPlan ? 'equal' : '**differ from**'} the plan's; ${loader.check.sampledRelationships - loader.check.evidenceMismatches} of ${loader.check.sampledRelationships} sampled relationships carry exactly the plan's ends and evidence.`
    : '';
  const errors = Object.entries(scale.errors ?? {})
    .map(([step, error]) => `\n\n${step}: \`${error}\``)
    .join('');
  const warm = scale.warmUp
    ? `\n\nBefore the timed runs both ways loaded a plan of ${int(scale.warmUp.scale)} people once, not timed (${sec(scale.warmUp.ms)} s), so neither pays for Neo4j's cold start.`
    : '';
  return `${heading}\n\n${table(['way of loading', 'seconds', 'relationships/s', 'vs loader'], rows)}${warm}\n\n${table(['loader, again', 'seconds'], reloads)}${check}${errors}`;
}

function apiSection(api: ApiSuiteResult): string {
  const c = api.concurrent;
  return [
    `### api — the real app on the real seeds, loopback, ${api.iterations} sequential requests each after ${api.warmUp} warm-up`,
    '',
    table(
      ['request', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests/s'],
      api.sequential.map((r) => [
        `\`${r.method} ${r.path}\``,
        ms(r.p50Ms),
        ms(r.p95Ms),
        ms(r.p99Ms),
        ms(r.maxMs),
        int(r.requestsPerSecond),
      ]),
    ),
    '',
    `Concurrency: ${c.clients} clients for ${c.seconds} s on \`${c.method} ${c.path}\`: ${int(c.requests)} requests, ${int(c.requestsPerSecond)} requests/s, p50 ${ms(c.p50Ms)} ms, p95 ${ms(c.p95Ms)} ms, p99 ${ms(c.p99Ms)} ms, max ${ms(c.maxMs)} ms.`,
  ].join('\n');
}

function drawSection(draw: DrawSuiteResult): string {
  const errors = Object.entries(draw.errors)
    .map(([run, message]) => `\n\nFailed: ${run}: ${message}`)
    .join('');
  return (
    [
      `### draw — Cytoscape.js ${draw.cytoscapeVersion} alone in headless Chromium (no GPU: WebGL is SwiftShader, in software), up to ${draw.frames} frames (or 15 s) of panning and zooming per run`,
      '',
      table(
        [
          'elements',
          'renderer',
          'style',
          'first frame ms',
          'frames',
          'frame p50 ms',
          'frame p95 ms',
          'JS heap MB',
        ],
        draw.runs.map((r) => [
          int(r.elements),
          r.renderer === 'webgl' && !r.webglAvailable ? 'webgl (unavailable: fell back)' : r.renderer,
          r.style,
          ms(r.firstFrameMs),
          r.framesMeasured,
          ms(r.frameP50Ms),
          ms(r.frameP95Ms),
          r.heapMB.toFixed(1),
        ]),
      ),
    ].join('\n') + errors
  );
}

function navSection(nav: NavSuiteResult): string {
  const errors = Object.entries(nav.errors)
    .map(([run, message]) => `\n\nFailed: ${run}: ${message}`)
    .join('');
  return (
    [
      '### nav — navigation to the opening view on screen, in headless Chromium (built client, real app and Neo4j, project seeds); picture painted: the page’s picture of the opening (the same drawing, not yet interactive); drawn: the interactive canvas settled; cold: a fresh browser context per run; warm: the same context again',
      '',
      table(
        [
          'visit',
          'runs',
          'picture painted p50 ms',
          'picture painted max ms',
          'drawn p50 ms',
          'drawn max ms',
          'JS arrived p50 ms',
          'first API call p50 ms',
          'last API answer p50 ms',
          'API calls',
          'API rounds in series',
        ],
        nav.summary.map((s) => [
          s.kind,
          s.runs,
          (s.pictureP50Ms ?? null) === null ? 'no picture' : ms(s.pictureP50Ms as number),
          (s.pictureMaxMs ?? null) === null ? 'no picture' : ms(s.pictureMaxMs as number),
          ms(s.drawnP50Ms),
          ms(s.drawnMaxMs),
          ms(s.scriptsP50Ms),
          s.firstApiP50Ms === null ? 'none before drawn' : ms(s.firstApiP50Ms),
          s.lastApiP50Ms === null ? 'none before drawn' : ms(s.lastApiP50Ms),
          s.apiCalls,
          s.apiRounds,
        ]),
      ),
    ].join('\n') + errors
  );
}

function bundleSection(bundle: BundleSizes): string {
  return [
    "### bundle — the client's JavaScript, gzipped (production build with the project's Vite config)",
    '',
    table(
      ['part', 'files', 'gzipped KB'],
      [
        [
          'first view (the entry and every chunk it imports statically, and the canvas chunk it imports as it starts)',
          bundle.firstViewFiles,
          bundle.firstViewGzipKB,
        ],
        ...(bundle.pictureGzipKB === undefined
          ? []
          : [
              ['of which the opening’s picture (the entry and its static imports)', '', bundle.pictureGzipKB],
            ]),
        ['console (its chunk and what only it imports)', bundle.consoleFiles, bundle.consoleGzipKB],
      ],
    ),
  ].join('\n');
}

export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const sections = [
    `## Benchmarks (${results.date.slice(0, 10)})`,
    '',
    `Measured with \`${results.command}\` on ${m.cpuModel} (${m.cores} cores, ${m.memoryGiB} GiB), Node ${m.node}, ${results.neo4j ? `Neo4j ${results.neo4j.edition} ${results.neo4j.version} (${results.neo4j.target === 'local' ? "the project's own instance, on the same machine" : 'external'})` : 'no Neo4j'}; one-minute load average ${m.loadAverage1m} at the start${m.loadAverage1mAtEnd === undefined ? '' : ` and ${m.loadAverage1mAtEnd} at the end`}. Wall-clock times; the client, the app and Neo4j share the cores.`,
  ];
  if (results.suites.load) sections.push('', loadSection(results.suites.load));
  if (results.suites.scale) sections.push('', scaleSection(results.suites.scale));
  if (results.suites.api) sections.push('', apiSection(results.suites.api));
  if (results.suites.apiScale) sections.push('', apiScaleSection(results.suites.apiScale));
  if (results.suites.draw) sections.push('', drawSection(results.suites.draw));
  if (results.suites.nav) sections.push('', navSection(results.suites.nav));
  if (results.suites.bundle) sections.push('', bundleSection(results.suites.bundle));
  if (results.note) sections.push('', '### Note', '', results.note);
  return `${sections.join('\n')}\n`;
}

/** Writes `<out>` (JSON) and the Markdown beside it, each through a temporary file and a rename. */
export async function writeResults(
  out: string,
  results: BenchResults,
): Promise<{ json: string; markdown: string }> {
  const json = path.resolve(out);
  const markdown = json.replace(/\.json$/, '.md');
  await mkdir(path.dirname(json), { recursive: true });
  for (const [file, text] of [
    [json, `${JSON.stringify(results, null, 2)}\n`],
    [markdown, renderMarkdown(results)],
  ] as const) {
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
  }
  return { json, markdown };
}
