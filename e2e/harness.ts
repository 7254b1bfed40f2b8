// What every browser test needs: the seeded test graph, the real app serving the built client on a
// free loopback port, and Debian's Chromium driven by playwright-core. Screenshots of each step go
// to test-artifacts/e2e/ so a person can look at them.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Graph } from '../graph/driver.ts';
import { launchChromium } from '../scripts/chromium.ts';
import {
  openTestGraph,
  PROJECT_ROOT,
  resetToProjectSeeds,
  startTestServer,
  type TestServer,
} from '../test/graph-helpers.ts';

export const ARTIFACTS = path.join(PROJECT_ROOT, 'test-artifacts', 'e2e');
const CLIENT_DIR = path.join(PROJECT_ROOT, 'dist', 'client');

export interface E2E {
  graph: Graph;
  server: TestServer;
  browser: Browser;
  page: Page;
  /** Saves a full-page screenshot named `<test>-<step>.png` and returns its path. */
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * `seedsDir`: the seeds folder the app's Sources API writes (SEEDS_DIR). A test that writes passes a
 * temporary copy, so the repository's seeds never change.
 */
export async function startE2E(suite: string, options: { seedsDir?: string } = {}): Promise<E2E> {
  if (!existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    throw new Error(
      'The client is not built: run `npx vite build` (npm test does it) before the browser tests',
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const graph = openTestGraph();
  await resetToProjectSeeds(graph);
  const server = await startTestServer(graph, {
    staticDir: CLIENT_DIR,
    config: options.seedsDir ? { sources: { seedsDir: options.seedsDir } } : {},
  });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    graph,
    server,
    browser,
    page,
    async shot(name) {
      const file = path.join(ARTIFACTS, `${suite}-${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await browser.close();
      await server.close();
      await graph.close();
      if (errors.length > 0) throw new Error(`The page raised errors: ${errors.join('; ')}`);
    },
  };
}
