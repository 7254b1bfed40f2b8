// The explorer as a newcomer uses it, in a real Chromium against the real API and the seeded Neo4j:
// the opening view, search, details and evidence, the document reader, expanding, the date, who was
// accountable, a reload of the link, and the walk from the Written Statement of Action.
// A screenshot of every step goes to test-artifacts/e2e/explorer-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.ts';

const INSPECTION = 'inspection:bury-local-area-send-2017';
const COUNCIL = 'org:bury-council';
const CCG = 'org:nhs-bury-ccg';
const KAREN = 'person:karen-dolton';
const WSOA = 'report:bury-written-statement-of-action-2017';
const T = { timeout: 15_000 };

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E('explorer');
  page = e2e.page;
});

afterAll(async () => {
  await e2e?.close();
});

/** Waits until the canvas has drawn and the layout has settled, then returns what is on it. */
async function settled(): Promise<{ nodes: number; edges: number }> {
  const cy = page.locator('#cy');
  await page
    .locator('#canvas-status[data-status=ready], #canvas-status[data-status=truncated]')
    .waitFor({ ...T, state: 'attached' });
  await page.locator('#cy[data-layout=idle]').waitFor({ ...T, state: 'attached' });
  return {
    nodes: Number(await cy.getAttribute('data-node-count')),
    edges: Number(await cy.getAttribute('data-edge-count')),
  };
}

/** The read-only hook main.ts puts on the window for these tests. */
interface GraphHook {
  __graph: {
    nodeIds(): string[];
    edgeIds(): string[];
    renderedPosition(id: string): { x: number; y: number } | null;
  };
}

async function nodeIds(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as GraphHook).__graph.nodeIds());
}

async function edgeIds(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as GraphHook).__graph.edgeIds());
}

function param(name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

describe('the explorer in a browser', () => {
  it('opens on the 2017 inspection with its findings, the organisations and who led them', async () => {
    await page.goto(e2e.server.url);
    const { nodes } = await settled();
    const details = page.locator(`[data-testid=node-details][data-node-id="${INSPECTION}"]`);
    await expect(details.locator('[data-testid=detail-name]').textContent(T)).resolves.toContain('2017');
    const ids = await nodeIds();
    expect(nodes).toBeGreaterThan(10);
    expect(ids).toContain(INSPECTION);
    expect(ids).toEqual(expect.arrayContaining([COUNCIL, CCG]));
    // What it found: gathered into one "N findings" node (opened with a click), N at least 3.
    const group = ids.find((id) => id.startsWith('group:findings:'));
    const groupName = await page
      .locator(`[data-testid=canvas-list-item][data-node-id="${group}"]`)
      .textContent(T);
    expect(Number(groupName?.match(/^(\d+) findings$/)?.[1])).toBeGreaterThanOrEqual(3);
    // Who led them: the holders of the council's and the CCG's posts are on the canvas.
    expect(ids).toEqual(expect.arrayContaining(['person:pat-jones-greenhalgh', 'person:stuart-north']));
    expect(param('node')).toBe(INSPECTION);
    // No source says who led them in June 2017: the view is dated to the first day one does, and says so.
    expect(param('at')).toBe('2017-11-21');
    await expect(page.locator('[data-testid=canvas-note]').textContent(T)).resolves.toMatch(
      /12 June 2017.*21 November 2017/,
    );
    await expect(page.locator('[data-testid=date-readout]').textContent()).resolves.toContain(
      '21 November 2017',
    );
    // Names are legible at the zoom the app chose: at least 11px on screen.
    expect(Number(await page.locator('#cy').getAttribute('data-label-px'))).toBeGreaterThanOrEqual(11);
    await e2e.shot('01-opening');
  });

  it('opens the "N findings" node into its findings, and a reload (or a shared link) keeps them open', async () => {
    const group = (await nodeIds()).find((id) => id.startsWith('group:findings:')) ?? '';
    const home = group.slice('group:findings:'.length);
    expect(home).toBe(INSPECTION);
    const toggle = page.locator('[data-testid=canvas-list-toggle]');
    await toggle.click();
    await page.locator(`[data-testid=canvas-list-item][data-node-id="${group}"]`).click();
    await expect.poll(() => param('open'), T).toBe(home);
    await expect.poll(async () => (await nodeIds()).includes(group), T).toBe(false);
    await settled();
    const opened = (await nodeIds()).filter((id) => id.startsWith('finding:'));
    expect(opened.length).toBeGreaterThanOrEqual(3);
    await toggle.click();

    await page.reload();
    await settled();
    const ids = await nodeIds();
    expect(ids).not.toContain(group);
    expect(ids).toEqual(expect.arrayContaining(opened));
  });

  it('finds a person by a partial lower-case name and shows their details and a quote', async () => {
    await page.locator('[data-testid=search-input]').fill('karen dol');
    const suggestion = page.locator(`[data-testid=search-suggestion][data-node-id="${KAREN}"]`);
    await suggestion.waitFor(T);
    await e2e.shot('02-search');
    await suggestion.dispatchEvent('mousedown');
    const details = page.locator(`[data-testid=node-details][data-node-id="${KAREN}"]`);
    await expect(details.locator('[data-testid=detail-name]').textContent(T)).resolves.toBe('Karen Dolton');
    const quote = details.locator('[data-testid=evidence-quote]').first();
    await expect(quote.locator('blockquote').textContent(T)).resolves.toContain('Karen Dolton');
    expect(await nodeIds()).toContain(KAREN);
    await e2e.shot('03-person');
  });

  it('shows a quote in its source document, highlighted', async () => {
    const quote = page.locator('[data-testid=node-details] [data-testid=evidence-quote]').first();
    const quoted = (await quote.locator('blockquote').textContent())?.trim() ?? '';
    await quote.locator('[data-testid=show-in-source]').click();
    const reader = page.locator('dialog[data-testid=document-reader]');
    const mark = reader.locator('mark[data-testid=reader-highlight]');
    await mark.waitFor(T);
    expect(await reader.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect((await mark.textContent())?.trim()).toBe(quoted);
    const text = (await reader.locator('[data-testid=reader-text]').textContent()) ?? '';
    expect(text.length).toBeGreaterThan(quoted.length * 3);
    expect(text).toContain(quoted);
    await expect(mark.isVisible()).resolves.toBe(true);
    await e2e.shot('04-reader');
    await page.keyboard.press('Escape');
    await expect(reader.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(false);
  });

  it('expands the person, then a neighbour by double-clicking it, and the graph grows', async () => {
    await settled();
    await page.locator('[data-testid=expand-button]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('x')?.includes('karen-dolton'));
    await page.locator('[data-testid=collapse-button]').waitFor(T);
    const before = await settled();
    // The Written Statement of Action is one of her neighbours: she spoke for it.
    expect(await nodeIds()).toContain(WSOA);
    await e2e.shot('05-person-expanded');

    const at = await page.evaluate(
      (id) => (window as unknown as GraphHook).__graph.renderedPosition(id),
      WSOA,
    );
    if (!at) throw new Error('The Written Statement of Action is not drawn');
    const box = await page.locator('#cy').boundingBox();
    if (!box) throw new Error('The canvas has no box');
    // Expanding her brought her neighbours into view: the report is on screen, not off the canvas.
    expect(at.x).toBeGreaterThan(0);
    expect(at.x).toBeLessThan(box.width);
    expect(at.y).toBeGreaterThan(0);
    expect(at.y).toBeLessThan(box.height);
    await page.mouse.dblclick(box.x + at.x, box.y + at.y);
    await page.waitForFunction(
      (n) => Number(document.querySelector('#cy')?.getAttribute('data-node-count')) > n,
      before.nodes,
      T,
    );
    const after = await settled();
    expect(after.nodes).toBeGreaterThan(before.nodes);
    expect(await nodeIds()).toEqual(
      expect.arrayContaining(['org:department-for-education', 'org:nhs-england']),
    );
    expect(param('x')?.split(',').at(-1)).toBe(WSOA);
    await page.locator(`[data-testid=node-details][data-node-id="${WSOA}"]`).waitFor(T);
    await e2e.shot('06-neighbour-expanded');
  });

  it('moves the date and the relationships in force change', async () => {
    await page.locator('[data-testid=date-all]').check();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('at'), undefined, T);
    const always = await settled();
    const allEdges = await edgeIds();
    await e2e.shot('07-all-dates');
    await page.locator('[data-testid=date-input]').fill('2016-01-01');
    await page.locator('[data-testid=date-input]').dispatchEvent('change');
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get('at') === '2016-01-01',
      undefined,
      T,
    );
    const before2017 = await settled();
    expect(before2017.edges).toBeLessThan(always.edges);
    expect(await edgeIds()).not.toEqual(allEdges);
    await e2e.shot('08-date-2016');
    await page.locator('[data-testid=date-input]').fill('2017-11-21');
    await page.locator('[data-testid=date-input]').dispatchEvent('change');
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get('at') === '2017-11-21',
      undefined,
      T,
    );
    const onTheDay = await settled();
    expect(onTheDay.edges).toBeGreaterThan(before2017.edges);
    await expect(page.locator('[data-testid=date-readout]').textContent()).resolves.toContain(
      '21 November 2017',
    );
    await e2e.shot('09-date-2017-11-21');
  });

  it('names who was accountable for Bury Council on 21 November 2017, with the quote', async () => {
    await page.locator('[data-testid=search-input]').fill('bury council');
    const suggestion = page.locator(`[data-testid=search-suggestion][data-node-id="${COUNCIL}"]`);
    await suggestion.waitFor(T);
    await suggestion.dispatchEvent('mousedown');
    const panel = page.locator(
      `[data-testid=node-details][data-node-id="${COUNCIL}"] [data-testid=accountability-panel]`,
    );
    await panel.locator('[data-testid=holder]').first().waitFor(T);
    const pat = panel.locator('[data-testid=holder]', { hasText: 'Pat Jones-Greenhalgh' });
    await expect(pat.count()).resolves.toBe(1);
    await expect(pat.getAttribute('data-certainty')).resolves.toBe('attested');
    await expect(pat.textContent()).resolves.toMatch(/chief executive/i);
    await expect(pat.textContent()).resolves.toMatch(/interim/i);
    // Why "attested", in words, with the day written as people write it.
    await expect(pat.locator('.basis').textContent()).resolves.toContain('21 November 2017');
    await expect(panel.locator('[data-testid=certainty-key]').textContent()).resolves.toContain(
      'a source dated this day shows them in post',
    );
    await pat.locator(':scope > details > summary').click();
    await expect(pat.locator('[data-testid=evidence-quote] blockquote').allTextContents()).resolves.toContain(
      "Pat Jones-Greenhalgh, the council's interim chief executive",
    );
    await e2e.shot('10-accountable');
  });

  it('gives the same view after a reload of the link', async () => {
    await settled();
    const url = page.url();
    const ids = (await nodeIds()).sort();
    await page.reload();
    const again = await settled();
    expect(page.url()).toBe(url);
    expect(param('node')).toBe(COUNCIL);
    expect(param('at')).toBe('2017-11-21');
    await page.locator(`[data-testid=node-details][data-node-id="${COUNCIL}"]`).waitFor(T);
    await expect(page.locator('[data-testid=date-input]').inputValue()).resolves.toBe('2017-11-21');
    expect((await nodeIds()).sort()).toEqual(ids);
    expect(again.nodes).toBe(ids.length);
    await e2e.shot('11-reloaded');
  });

  it('walks from the Written Statement of Action to who led the council and the CCG when it was accepted', async () => {
    await page.locator('[data-testid=search-input]').fill('written statement of action');
    const suggestion = page.locator(`[data-testid=search-suggestion][data-node-id="${WSOA}"]`);
    await suggestion.waitFor(T);
    await suggestion.dispatchEvent('mousedown');
    const walk = page.locator(
      `[data-testid=node-details][data-node-id="${WSOA}"] [data-testid=finding-accountability]`,
    );
    await walk.locator('[data-testid=holder]').first().waitFor(T);
    const orgs = await walk.locator('[data-testid=finding-organisation]').allTextContents();
    expect(orgs.join(' | ')).toMatch(/Bury Council/);
    expect(orgs.join(' | ')).toMatch(/NHS Bury/);
    for (const [name, post] of [
      ['Pat Jones-Greenhalgh', /chief executive/i],
      ['Stuart North', /chief officer/i],
    ] as const) {
      const holder = walk.locator('[data-testid=holder]', { hasText: name }).first();
      await expect(holder.textContent()).resolves.toMatch(post);
      await holder.locator(':scope > details > summary').click();
      const quotes = await holder.locator('[data-testid=evidence-quote] blockquote').allTextContents();
      expect(quotes.some((q) => q.includes(name))).toBe(true);
    }
    await e2e.shot('12-written-statement');
  });
});
