/**
 * `draw`: Cytoscape.js alone in headless Chromium, drawing 1k, 5k and 20k elements (half nodes,
 * half edges, in a grid so that layout costs nothing) with its canvas renderer and with its WebGL
 * renderer. Measured per size and renderer: time from `cytoscape()` to the first frame drawn after
 * it, median and 95th-percentile frame time while panning and zooming for a fixed number of frames,
 * and the page's JS heap. The page imports the installed cytoscape directly, not the app.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../chromium.ts';
import { type BundleSizes, measureBundles } from './bundle-sizes.ts';
import type { Say } from './neo4j-target.ts';
import { round, summarize } from './stats.ts';

export const DRAW_SIZES = [1_000, 5_000, 20_000] as const;
const RENDERERS = ['canvas', 'webgl'] as const;
/**
 * `full` is the app's ordinary look (every name, curved edges with arrows); `simple` is what the
 * app switches to for a large view (names hidden below a zoom level, straight haystack edges, no
 * arrows), so the bench measures both sides of the switch.
 */
const STYLES = ['full', 'simple'] as const;
/** Frames of panning and zooming measured per run, stopping earlier once MAX_PAN_MS has passed. */
const FRAMES = 60;
const MAX_PAN_MS = 15_000;
const PAGE_TIMEOUT_MS = 120_000;

// Headless Chromium without a GPU gives WebGL through SwiftShader (software), as on this machine.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--enable-precise-memory-info',
];

export interface DrawRun {
  elements: number;
  renderer: (typeof RENDERERS)[number];
  style: (typeof STYLES)[number];
  /** False when the page had no WebGL context (the renderer then falls back to canvas). */
  webglAvailable: boolean;
  firstFrameMs: number;
  frameP50Ms: number;
  frameP95Ms: number;
  /** Frames measured: FRAMES, or fewer when MAX_PAN_MS ran out first. */
  framesMeasured: number;
  heapMB: number;
}

export interface DrawSuiteResult {
  cytoscapeVersion: string;
  frames: number;
  runs: DrawRun[];
  bundles?: BundleSizes;
  errors: Record<string, string>;
}

/** Runs in the page: builds the graph, draws it, then pans and zooms frame by frame. */
async function drawInPage(arg: {
  elements: number;
  webgl: boolean;
  simple: boolean;
  frames: number;
  maxMs: number;
}) {
  type Cy = {
    pan(p?: { x: number; y: number }): { x: number; y: number };
    zoom(z?: number): number;
    destroy(): void;
  };
  const w = window as unknown as { cytoscape: (options: unknown) => Cy };
  const nodes = Math.ceil(arg.elements / 2);
  const side = Math.ceil(Math.sqrt(nodes));
  const elements: unknown[] = [];
  for (let i = 0; i < nodes; i++) {
    elements.push({
      group: 'nodes',
      data: { id: `n${i}`, label: `Node ${i}` },
      position: { x: (i % side) * 60, y: Math.floor(i / side) * 60 },
    });
  }
  for (let i = 0; i < arg.elements - nodes; i++) {
    const target = (i * 7 + 1) % nodes;
    elements.push({ group: 'edges', data: { id: `e${i}`, source: `n${i % nodes}`, target: `n${target}` } });
  }
  const container = document.getElementById('cy') as HTMLElement;
  const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const probe = document.createElement('canvas');
  const webglAvailable = !!probe.getContext('webgl2') || !!probe.getContext('webgl');
  const started = performance.now();
  const cy = w.cytoscape({
    container,
    elements,
    layout: { name: 'preset' },
    style: arg.simple
      ? [
          {
            selector: 'node',
            style: {
              label: 'data(label)',
              width: 20,
              height: 20,
              'font-size': 8,
              'min-zoomed-font-size': 12,
            },
          },
          { selector: 'edge', style: { width: 1, 'curve-style': 'haystack' } },
        ]
      : [
          { selector: 'node', style: { label: 'data(label)', width: 20, height: 20, 'font-size': 8 } },
          {
            selector: 'edge',
            style: { width: 1, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' },
          },
        ],
    renderer: arg.webgl ? { name: 'canvas', webgl: true } : { name: 'canvas' },
  });
  await nextFrame();
  await nextFrame();
  const firstFrameMs = performance.now() - started;
  const times: number[] = [];
  let last = performance.now();
  const panStarted = performance.now();
  for (let i = 0; i < arg.frames && performance.now() - panStarted < arg.maxMs; i++) {
    if (i % 2 === 0) cy.pan({ x: cy.pan().x + 7, y: cy.pan().y + 3 });
    else cy.zoom(cy.zoom() * (i % 4 === 1 ? 1.03 : 0.98));
    const now = await nextFrame();
    times.push(now - last);
    last = now;
  }
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  const heap = memory?.usedJSHeapSize ?? 0;
  cy.destroy();
  return { webglAvailable, firstFrameMs, times, heap };
}

export async function runDrawSuite(options: { root: string; say: Say }): Promise<DrawSuiteResult> {
  const { root, say } = options;
  const require = createRequire(import.meta.url);
  const cytoscapeEntry = require.resolve('cytoscape');
  const cytoscapeDir = path.dirname(path.dirname(cytoscapeEntry));
  const version = (require(path.join(cytoscapeDir, 'package.json')) as { version: string }).version;
  const result: DrawSuiteResult = { cytoscapeVersion: version, frames: FRAMES, runs: [], errors: {} };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
  try {
    for (const elements of DRAW_SIZES) {
      for (const renderer of RENDERERS)
        for (const style of STYLES) {
          // A fresh page per run, so one run's heap and caches do not count in the next.
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          page.setDefaultTimeout(PAGE_TIMEOUT_MS);
          try {
            await page.setContent(
              '<!doctype html><html><body style="margin:0"><div id="cy" style="width:1280px;height:800px"></div></body></html>',
            );
            await page.addScriptTag({ path: path.join(cytoscapeDir, 'dist', 'cytoscape.min.js') });
            // The bench runs under tsx, whose transform wraps named functions in a `__name` helper
            // that the page does not have.
            await page.evaluate('globalThis.__name = (f) => f');
            const out = await page.evaluate(drawInPage, {
              elements,
              webgl: renderer === 'webgl',
              simple: style === 'simple',
              frames: FRAMES,
              maxMs: MAX_PAN_MS,
            });
            const s = summarize(out.times);
            const run: DrawRun = {
              elements,
              renderer,
              style,
              webglAvailable: out.webglAvailable,
              firstFrameMs: round(out.firstFrameMs),
              frameP50Ms: round(s.median),
              frameP95Ms: round(s.p95),
              framesMeasured: out.times.length,
              heapMB: round(out.heap / 1e6, 1),
            };
            result.runs.push(run);
            say(
              `  ${String(elements).padStart(6)} elements, ${renderer.padEnd(6)} ${style.padEnd(6)}: first frame ${run.firstFrameMs} ms, ${run.framesMeasured} frames p50 ${run.frameP50Ms} ms / p95 ${run.frameP95Ms} ms, heap ${run.heapMB} MB${renderer === 'webgl' && !run.webglAvailable ? ' (no WebGL here)' : ''}`,
            );
          } catch (error) {
            const key = `${elements} ${renderer} ${style}`;
            result.errors[key] = error instanceof Error ? error.message : String(error);
            say(`  ${key} failed: ${result.errors[key]}`);
          } finally {
            await page.close();
          }
        }
    }
  } finally {
    await browser.close();
  }
  try {
    result.bundles = await measureBundles(root);
    say(
      `  gzipped JS: first view ${result.bundles.firstViewGzipKB} KB, console ${result.bundles.consoleGzipKB} KB`,
    );
  } catch (error) {
    result.errors.bundles = error instanceof Error ? error.message : String(error);
  }
  return result;
}
