/**
 * `nav`: from navigation to the opening view drawn, in headless Chromium, against the real app
 * serving the built client over the project's seeds. Two moments are timed. "Picture painted": the
 * opening on screen as the page's picture of it (client/src/canvas/picture-mark.ts), read from the mark
 * the page sets once the frame holding the picture has been painted. "Drawn": the interactive canvas
 * as a person sees it settle: the status line ready, Cytoscape's canvas with nodes on it, no layout
 * or camera move running, and one more animation frame painted after that. Cold runs use a fresh browser context each time (empty HTTP
 * cache); warm runs navigate again in one context (cached assets, compiled code). Each run also
 * reports where its time went, from the page's own Resource Timing: when the JS had arrived, when the
 * first API call started (the app's code running), how many API calls were made in how many rounds
 * one after another, when the last answer arrived, and the rest (layout, camera, drawing). The page
 * on a blank address carries the opening's answer (server/http/index-page.ts), so the API calls
 * counted are the ones the client makes beside it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { OPENING_PICTURE_MARK } from '../../client/src/canvas/picture-mark.ts';
import type { Graph } from '../../graph/driver.ts';
import { loadSeeds } from '../../graph/load/load-seeds.ts';
import { createApp } from '../../server/app.ts';
import type { ServerConfig } from '../../server/config.ts';
import { listenOnFreePort } from '../../server/listen.ts';
import { silentLogger } from '../../server/logger.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { type Say, wipeData } from './neo4j-target.ts';
import { round, rounds, summarize } from './stats.ts';

const RUNS = 5;
const RUN_TIMEOUT_MS = 60_000;

export interface NavRun {
  kind: 'cold' | 'warm';
  /** Navigation start to the opening's picture painted; null when the page drew no picture. */
  pictureMs: number | null;
  /** Navigation start to the opening view drawn and settled on the interactive canvas. */
  drawnMs: number;
  /** When the last JS file had arrived. */
  scriptsMs: number;
  /**
   * When the first API request started (the app's code is running by then) and the last answer
   * came; null when the page asked nothing before it was drawn (its page carried the opening).
   */
  firstApiMs: number | null;
  lastApiMs: number | null;
  apiCalls: number;
  /** API calls that had to wait for an earlier answer: the length of the longest chain. */
  apiRounds: number;
}

export interface NavSummary {
  kind: 'cold' | 'warm';
  runs: number;
  /** Over the runs that painted a picture; null when none did. */
  pictureP50Ms: number | null;
  pictureMaxMs: number | null;
  drawnP50Ms: number;
  drawnMaxMs: number;
  scriptsP50Ms: number;
  /** Over the runs that made API calls before they were drawn; null when none did. */
  firstApiP50Ms: number | null;
  lastApiP50Ms: number | null;
  apiCalls: number;
  apiRounds: number;
}

export interface NavSuiteResult {
  runs: NavRun[];
  summary: NavSummary[];
  errors: Record<string, string>;
}

/** In the page: waits for the opening to settle, then reads the timings. */
async function settledTimings(pictureMark: string): Promise<{
  pictureMs: number | null;
  drawnMs: number;
  scripts: Array<{ end: number }>;
  api: Array<{ start: number; end: number }>;
}> {
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const settled = () => {
    const cy = document.getElementById('cy');
    const status = document.getElementById('canvas-status');
    return (
      !!cy &&
      Number(cy.dataset.nodeCount ?? 0) > 0 &&
      cy.dataset.layout === 'idle' &&
      status?.dataset.status === 'ready'
    );
  };
  while (!settled()) await frame();
  // The frame that shows the settled canvas.
  await frame();
  const drawnMs = performance.now();
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const picture = performance.getEntriesByName(pictureMark, 'mark')[0];
  return {
    pictureMs: picture ? picture.startTime : null,
    drawnMs,
    scripts: entries.filter((e) => /\.js(\?|$)/.test(e.name)).map((e) => ({ end: e.responseEnd })),
    api: entries
      .filter((e) => new URL(e.name).pathname.startsWith('/api/'))
      .map((e) => ({ start: e.startTime, end: e.responseEnd })),
  };
}

async function measure(page: Page, url: string, kind: NavRun['kind']): Promise<NavRun> {
  await page.goto(url, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS });
  // The bench runs under tsx, whose transform wraps named functions in a `__name` helper the page lacks.
  await page.evaluate('globalThis.__name = (f) => f');
  const t = await page.evaluate(settledTimings, OPENING_PICTURE_MARK);
  return {
    kind,
    pictureMs: t.pictureMs === null ? null : round(t.pictureMs),
    drawnMs: round(t.drawnMs),
    scriptsMs: round(Math.max(0, ...t.scripts.map((s) => s.end))),
    firstApiMs: t.api.length > 0 ? round(Math.min(...t.api.map((a) => a.start))) : null,
    lastApiMs: t.api.length > 0 ? round(Math.max(...t.api.map((a) => a.end))) : null,
    apiCalls: t.api.length,
    apiRounds: rounds(t.api),
  };
}

function summarise(runs: NavRun[], kind: NavRun['kind']): NavSummary {
  const mine = runs.filter((r) => r.kind === kind);
  const p50 = (pick: (r: NavRun) => number) => round(summarize(mine.map(pick)).median);
  const p50Present = (pick: (r: NavRun) => number | null) => {
    const present = mine.map(pick).filter((v): v is number => v !== null);
    return present.length > 0 ? round(summarize(present).median) : null;
  };
  return {
    kind,
    runs: mine.length,
    pictureP50Ms: p50Present((r) => r.pictureMs),
    pictureMaxMs: mine.some((r) => r.pictureMs !== null)
      ? round(Math.max(...mine.map((r) => r.pictureMs ?? 0)))
      : null,
    drawnP50Ms: p50((r) => r.drawnMs),
    drawnMaxMs: round(Math.max(0, ...mine.map((r) => r.drawnMs))),
    scriptsP50Ms: p50((r) => r.scriptsMs),
    firstApiP50Ms: p50Present((r) => r.firstApiMs),
    lastApiP50Ms: p50Present((r) => r.lastApiMs),
    apiCalls: Math.max(0, ...mine.map((r) => r.apiCalls)),
    apiRounds: Math.max(0, ...mine.map((r) => r.apiRounds)),
  };
}

export async function runNavSuite(options: {
  graph: Graph;
  root: string;
  say: Say;
}): Promise<NavSuiteResult> {
  const { graph, root, say } = options;
  await wipeData(graph);
  await loadSeeds(graph, root);
  const outDir = await mkdtemp(path.join(tmpdir(), 'bench-nav-'));
  const result: NavSuiteResult = { runs: [], summary: [], errors: {} };
  let browser: Browser | null = null;
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir } });
    const config: ServerConfig = {
      host: '127.0.0.1',
      port: 0,
      cypher: { timeoutMs: 10_000, maxRows: 1_000, maxQueryLength: 20_000 },
      dataDir: path.join(root, '.cache', 'bench-data'),
    };
    // As `npm start` serves it: the opening worked out as the app starts (warmOpening), so its page
    // carries the answer from the first visit on.
    const server = await listenOnFreePort(
      createApp({ graph, config, logger: silentLogger, staticDir: outDir, warmOpening: true }),
    );
    try {
      await fetch(`${server.url}/api/opening`);
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      const viewport = { width: 1440, height: 900 };
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport });
        try {
          const run = await measure(await context.newPage(), server.url, 'cold');
          result.runs.push(run);
          say(`  cold ${i + 1}: ${describe(run)}`);
        } catch (error) {
          result.errors[`cold ${i + 1}`] = error instanceof Error ? error.message : String(error);
        } finally {
          await context.close();
        }
      }
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        // The first visit fills the cache; the measured ones come after it.
        await measure(page, server.url, 'cold');
        for (let i = 0; i < RUNS; i++) {
          try {
            const run = await measure(page, server.url, 'warm');
            result.runs.push(run);
            say(`  warm ${i + 1}: ${describe(run)}`);
          } catch (error) {
            result.errors[`warm ${i + 1}`] = error instanceof Error ? error.message : String(error);
          }
        }
      } finally {
        await context.close();
      }
    } finally {
      await server.close();
    }
  } finally {
    await browser?.close();
    await rm(outDir, { recursive: true, force: true });
  }
  result.summary = [summarise(result.runs, 'cold'), summarise(result.runs, 'warm')];
  return result;
}

function describe(run: NavRun): string {
  const api =
    run.firstApiMs === null ? 'no API call before it was drawn' : `API ${run.firstApiMs}–${run.lastApiMs} ms`;
  const picture = run.pictureMs === null ? 'no picture' : `picture painted ${run.pictureMs} ms`;
  return `${picture}, drawn ${run.drawnMs} ms (JS in by ${run.scriptsMs} ms, ${api}: ${run.apiCalls} calls in ${run.apiRounds} rounds)`;
}
