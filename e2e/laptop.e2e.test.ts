// The first minute on a laptop: the opening view at three window sizes must fit inside the canvas,
// with names at 11px or more and none drawn over another, and the toolbar on one line. The columns
// fold and come back, remembered across a reload, and the date stays within reach while the left
// column is folded. Screenshots: test-artifacts/e2e/laptop-*.png.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FitReport } from '../client/src/canvas/fit-check.ts';
import { ARTIFACTS, type E2E, startE2E } from './harness.ts';

const INSPECTION = 'inspection:bury-local-area-send-2017';
const T = { timeout: 30_000 };
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

interface GraphHook {
  __graph: { nodeIds(): string[]; fitReport(): FitReport };
}

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('laptop');
});

afterAll(async () => {
  await e2e?.close();
});

/**
 * The drawing has settled: the load is done, no layout or camera move is running, and what the fit
 * report measures has stayed the same over several animation frames in a row (so a resize or a
 * last viewport move cannot land between the wait and the measurement).
 */
async function settled(page: Page): Promise<void> {
  await page
    .locator('#canvas-status[data-status=ready], #canvas-status[data-status=truncated]')
    .waitFor({ ...T, state: 'attached' });
  await page.waitForFunction(
    () => {
      const cy = document.getElementById('cy');
      const w = window as unknown as GraphHook & { __settle?: { key: string; frames: number } };
      if (cy?.dataset.layout !== 'idle' || Number(cy.dataset.nodeCount ?? 0) === 0) {
        w.__settle = undefined;
        return false;
      }
      const r = cy.getBoundingClientRect();
      const key = JSON.stringify([w.__graph.fitReport(), r.width, r.height, cy.dataset.labelPx]);
      w.__settle = w.__settle?.key === key ? { key, frames: w.__settle.frames + 1 } : { key, frames: 0 };
      return w.__settle.frames >= 5;
    },
    null,
    { ...T, polling: 'raf' },
  );
}

async function open(size: {
  width: number;
  height: number;
}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ viewport: size });
  const page = await context.newPage();
  await page.goto(e2e.server.url);
  await settled(page);
  return { context, page };
}

/** The tops of the toolbar's controls: one distinct value when it is on one line. */
async function toolbarLines(page: Page): Promise<number> {
  return page.evaluate(() => {
    const bar = document.getElementById('toolbar');
    const tops = [...(bar?.children ?? [])]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2));
    return new Set(tops.map((t) => Math.round(t / 8))).size;
  });
}

describe('the opening on a laptop', () => {
  for (const size of SIZES) {
    it(`fits and reads at ${size.width}×${size.height}`, async () => {
      const { context, page } = await open(size);
      try {
        const ids = await page.evaluate(() => (window as unknown as GraphHook).__graph.nodeIds());
        const report = await page.evaluate(() => (window as unknown as GraphHook).__graph.fitReport());
        await page.screenshot({ path: path.join(ARTIFACTS, `laptop-opening-${size.width}.png`) });
        // The story: the inspection, what it found (grouped), the bodies, their posts and who held them.
        expect(ids).toContain(INSPECTION);
        expect(ids.some((id) => id.startsWith('group:findings'))).toBe(true);
        expect(ids).toEqual(
          expect.arrayContaining([
            'org:bury-local-area',
            'org:bury-council',
            'org:nhs-bury-ccg',
            'post:bury-council-chief-executive',
            'person:pat-jones-greenhalgh',
            'person:karen-dolton',
          ]),
        );
        expect({ size, outside: report.outside, overlaps: report.overlaps }).toEqual({
          size,
          outside: [],
          overlaps: [],
        });
        expect(report.smallestLabelPx).toBeGreaterThanOrEqual(11);
        expect(await toolbarLines(page)).toBe(1);
        // The canvas has most of the width.
        const canvasWidth = await page.locator('#cy').evaluate((el) => el.getBoundingClientRect().width);
        expect(canvasWidth / size.width).toBeGreaterThan(0.5);
        // The note sits beside the graph, not over it.
        const note = await page.locator('[data-testid=canvas-note]').boundingBox();
        const canvas = await page.locator('#cy').boundingBox();
        if (note && canvas) expect(note.y + note.height <= canvas.y + 1).toBe(true);
      } finally {
        await context.close();
      }
    });
  }

  it('folds the columns, keeps the date within reach, and remembers the folding across a reload', async () => {
    const { context, page } = await open(SIZES[0] as { width: number; height: number });
    try {
      const sidebar = page.locator('[data-testid=toggle-sidebar]');
      const panel = page.locator('[data-testid=toggle-panel]');
      const before = await page.locator('#cy').evaluate((el) => el.getBoundingClientRect().width);
      await sidebar.click();
      await expect.poll(() => sidebar.getAttribute('aria-expanded'), T).toBe('false');
      await panel.click();
      await expect.poll(() => panel.getAttribute('aria-expanded'), T).toBe('false');
      // The date stays within reach with the left column folded away, and still works.
      const date = page.locator('[data-testid=date-input]');
      await expect(date.isVisible()).resolves.toBe(true);
      await date.fill('2018-03-01');
      await date.dispatchEvent('change');
      await expect.poll(() => page.locator('[data-testid=date-readout]').textContent(), T).toContain('2018');
      await settled(page);

      await page.reload();
      await settled(page);
      await expect(sidebar.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(panel.getAttribute('aria-expanded')).resolves.toBe('false');
      const wider = await page.locator('#cy').evaluate((el) => el.getBoundingClientRect().width);
      expect(wider).toBeGreaterThan(before + 400);
      await expect(page.locator('[data-testid=search-input]').isVisible()).resolves.toBe(false);
      await expect(page.locator('[data-testid=detail-panel]').isVisible()).resolves.toBe(false);
      await expect(page.locator('[data-testid=date-input]').isVisible()).resolves.toBe(true);
      // The drawing was fitted to the wider canvas.
      const report = await page.evaluate(() => (window as unknown as GraphHook).__graph.fitReport());
      expect(report.outside).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'laptop-folded-1280.png') });

      await sidebar.click();
      await panel.click();
      await expect(page.locator('[data-testid=search-input]').isVisible()).resolves.toBe(true);
      await expect(page.locator('[data-testid=detail-panel]').isVisible()).resolves.toBe(true);
      await page.reload();
      await settled(page);
      await expect(sidebar.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(panel.getAttribute('aria-expanded')).resolves.toBe('true');
    } finally {
      await context.close();
    }
  });
});
