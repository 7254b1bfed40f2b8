// A large view in a real Chromium against the real API and Neo4j: the opening view is drawn in full;
// then the test graph is replaced by a synthetic one (the bench's generator, loaded by the project's
// loader), a console query returns a thousand relationships with their ends, and they go onto the
// explorer's canvas. The canvas must switch to its large drawing, say so on the canvas, and stay
// usable: zooming, and a node picked from the canvas's list. Screenshots go to test-artifacts/e2e/large-view-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_VIEW_ELEMENTS } from '../client/src/canvas/drawing-mode.ts';
import { loadPlan } from '../graph/load/load-plan.ts';
import { syntheticPlan } from '../scripts/bench/synthetic-plan.ts';
import { type E2E, startE2E } from './harness.ts';

const T = { timeout: 60_000 };
/** About 900 nodes and 2,500 relationships: more than one console page of relationships. */
const SCALE = 300;

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E('large-view');
  page = e2e.page;
});

afterAll(async () => {
  await e2e?.close();
});

const explorerCanvas = () => page.locator('#cy');
const note = () => page.locator('.canvas-frame [data-testid=canvas-large-note]');

async function drawnCount(): Promise<number> {
  const canvas = explorerCanvas();
  const nodes = Number(await canvas.getAttribute('data-node-count'));
  const edges = Number(await canvas.getAttribute('data-edge-count'));
  return nodes + edges;
}

describe('a large view on the explorer canvas', () => {
  it('draws the ordinary views in full, with no note', async () => {
    await page.goto(e2e.server.url);
    await page.locator('#canvas-status[data-status]').waitFor({ ...T, state: 'attached' });
    await explorerCanvas()
      .and(page.locator('[data-drawing=full]'))
      .waitFor({ ...T, state: 'attached' });
    expect(await note().isHidden()).toBe(true);
  });

  it('switches to the large drawing past the threshold and says so on the canvas', async () => {
    // The console reads the database live: a synthetic graph in place of the seeds gives it plenty.
    await loadPlan(e2e.graph, syntheticPlan(SCALE));
    await page.locator('[data-testid=tab-console]').click();
    const editor = page.locator('[data-testid=console-query-input]');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('MATCH (a)-[r]->(b) RETURN a, r, b LIMIT 1000');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page
      .locator('[data-testid=console-summary]')
      .filter({ hasText: /1,?000 rows/ })
      .waitFor(T);
    await page.locator('[data-testid=console-tab-graph]').click();
    await page.locator('[data-testid=console-canvas-mode]').selectOption('replace');
    await page.locator('[data-testid=console-to-canvas]').click();
    await page.locator('[data-testid=tab-explore][aria-selected=true]').waitFor(T);
    await page.locator('#canvas-status[data-status=ready]').waitFor({ ...T, state: 'attached' });
    await page.locator('#cy[data-layout=idle]').waitFor({ ...T, state: 'attached' });

    const count = await drawnCount();
    expect(count).toBeGreaterThanOrEqual(LARGE_VIEW_ELEMENTS);
    await note().waitFor(T);
    const text = (await note().textContent()) ?? '';
    expect(text).toContain(count.toLocaleString('en-GB'));
    expect(text).toMatch(/names appear when you zoom in/);
    expect(await note().getAttribute('role')).toBe('status');
    const drawing = await explorerCanvas().getAttribute('data-drawing');
    expect(drawing === 'large-webgl' || drawing === 'large').toBe(true);
    // The note says which renderer draws, and it is the one in use.
    expect(text).toContain(drawing === 'large-webgl' ? 'drawn with WebGL' : 'no GPU WebGL here');
    await e2e.shot('note');
  });

  it('stays usable: zooming works and a node chosen from the list is selected', async () => {
    const before = Number(await explorerCanvas().getAttribute('data-label-px'));
    const box = await explorerCanvas().boundingBox();
    if (!box) throw new Error('the explorer canvas is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -400);
    await expect
      .poll(async () => Number(await explorerCanvas().getAttribute('data-label-px')), T)
      .toBeGreaterThan(before);

    // The canvas as a list names every node; choosing one selects it and shows its details.
    await page.locator('[data-testid=canvas-list-toggle]').click();
    const first = page.locator('[data-testid=canvas-list-item]').first();
    await first.waitFor(T);
    const id = await first.getAttribute('data-node-id');
    const name = ((await first.textContent()) ?? '').trim();
    expect(id).toBeTruthy();
    await first.click();
    const details = page.locator(`[data-testid=node-details][data-node-id="${id}"]`);
    await details.waitFor(T);
    expect(await details.locator('[data-testid=detail-name]').textContent()).toBe(name);
    await e2e.shot('selected');
  });
});
