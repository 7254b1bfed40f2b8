// Exports and saved views in a real Chromium against the real API and the seeded Neo4j: PNG of the
// visible view and of the whole graph, a framed PNG and SVG, the data files, and a saved view that
// reopens after a reload with its nodes where they were. Files go to test-artifacts/e2e/export-*.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caption } from '../client/src/canvas/compose.ts';
import type { ExportAutomation } from '../client/src/export/automation.ts';
import { graphFromJson } from '../graph/export/json.ts';
import { ARTIFACTS, type E2E, startE2E } from './harness.ts';

const T = { timeout: 20_000 };
const AT = '2017-11-21';
const COUNCIL = 'org:bury-council';

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E('export');
  page = e2e.page;
});

afterAll(async () => {
  await e2e?.close();
});

type Hook = { __agExport: ExportAutomation };

async function settled(): Promise<number> {
  const result = await page.evaluate(() => (window as unknown as Hook).__agExport.settled(30_000));
  return result.nodes;
}

async function positions() {
  return page.evaluate(() => (window as unknown as Hook).__agExport.positions());
}

async function openExport(): Promise<void> {
  await page.getByTestId('export-menu-button').click();
  await page.getByTestId('export-dialog').waitFor({ ...T, state: 'visible' });
}

/** Clicks a download button and saves the `count` files that arrive under test-artifacts. */
async function downloads(testId: string, count = 1): Promise<Array<{ name: string; file: string }>> {
  const arrived: Download[] = [];
  const listener = (download: Download) => arrived.push(download);
  page.on('download', listener);
  try {
    await page.getByTestId(testId).click();
    await expect.poll(() => arrived.length, T).toBe(count);
  } finally {
    page.off('download', listener);
  }
  const out: Array<{ name: string; file: string }> = [];
  for (const download of arrived) {
    const file = path.join(ARTIFACTS, `export-${download.suggestedFilename()}`);
    await download.saveAs(file);
    out.push({ name: download.suggestedFilename(), file });
  }
  return out;
}

async function plannedSize(): Promise<{ width: number; height: number }> {
  const size = page.getByTestId('export-size');
  await expect.poll(() => size.getAttribute('data-width'), T).not.toBeNull();
  return {
    width: Number(await size.getAttribute('data-width')),
    height: Number(await size.getAttribute('data-height')),
  };
}

function readPng(file: string): PNG {
  return PNG.sync.read(readFileSync(file));
}

/** Share of pixels that differ from the background (white, or fully transparent). */
function inkShare(png: PNG, background: 'white' | 'transparent'): number {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
    const blank = background === 'white' ? r === 255 && g === 255 && b === 255 : a === 0;
    if (!blank) ink += 1;
  }
  return ink / (png.width * png.height);
}

/** The SVG's text, a `<text>`'s lines (its `<tspan>`s) joined by spaces. */
function svgText(svg: string): string {
  const texts: string[] = [];
  const isText = (key: string) => key === 'text' || key === 'tspan' || key === '#text';
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string' || typeof value === 'number') {
      if (isText(key)) texts.push(String(value));
      return;
    }
    if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, k === '#text' && isText(key) ? key : k);
  };
  walk(new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: true }).parse(svg));
  return texts.join(' ').replace(/\s+/g, ' ');
}

describe('exports and saved views in a browser', () => {
  let nodes = 0;

  it('opens a view of the council on 21 November 2017', async () => {
    await page.goto(`${e2e.server.url}/?node=${COUNCIL}&x=${COUNCIL}&at=${AT}&notype=MENTIONS`);
    nodes = await settled();
    expect(nodes).toBeGreaterThan(5);
    await e2e.shot('1-view');
  });

  it('exports the visible view as a PNG of the window size × 2 that is not blank', async () => {
    await openExport();
    await page.getByTestId('export-area-visible').check();
    await page.getByTestId('export-scale').selectOption('2');
    await page.getByTestId('export-background').selectOption('white');
    const planned = await plannedSize();
    const box = await page.locator('#cy').boundingBox();
    // The window's size in whole CSS pixels, doubled.
    expect(Math.abs(planned.width - (box?.width ?? 0) * 2)).toBeLessThanOrEqual(2);
    expect(Math.abs(planned.height - (box?.height ?? 0) * 2)).toBeLessThanOrEqual(2);
    await e2e.shot('2-menu');
    const [png] = await downloads('export-download-png');
    const image = readPng(png?.file ?? '');
    expect({ width: image.width, height: image.height }).toEqual(planned);
    expect(inkShare(image, 'white')).toBeGreaterThan(0.01);
  });

  it('exports the whole graph at 3× on a transparent background', async () => {
    await page.getByTestId('export-area-full').check();
    await page.getByTestId('export-scale').selectOption('3');
    await page.getByTestId('export-background').selectOption('transparent');
    const planned = await plannedSize();
    const [png] = await downloads('export-download-png');
    const image = readPng(png?.file ?? '');
    expect({ width: image.width, height: image.height }).toEqual(planned);
    const ink = inkShare(image, 'transparent');
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.95);
  });

  it('exports an SVG with every node name on the canvas as text', async () => {
    await page.getByTestId('export-background').selectOption('white');
    const [svg] = await downloads('export-download-svg');
    const text = readFileSync(svg?.file ?? '', 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const [json] = await downloads('export-download-json');
    const { graph } = graphFromJson(readFileSync(json?.file ?? '', 'utf8'));
    expect(graph.nodes).toHaveLength(nodes);
    const shown = svgText(text);
    for (const node of graph.nodes) {
      const label = caption(node.data.name, node.data.label === 'Finding' ? 48 : 60);
      expect(shown, node.data.id).toContain(label.replace(/\s+/g, ' '));
    }
  });

  it('frames a PNG and an SVG with the title, the date, a legend and the sources', async () => {
    await page.getByTestId('export-frame').check();
    await page.getByTestId('export-title').fill('Bury SEND: who was accountable for the plan');
    await page.getByTestId('export-scale').selectOption('1');
    await page.getByTestId('export-title').press('Tab');
    const planned = await plannedSize();
    const [png] = await downloads('export-download-png');
    const image = readPng(png?.file ?? '');
    expect({ width: image.width, height: image.height }).toEqual(planned);
    expect(inkShare(image, 'white')).toBeGreaterThan(0.01);
    const [svg] = await downloads('export-download-svg');
    const text = readFileSync(svg?.file ?? '', 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const shown = svgText(text);
    expect(shown).toContain('Bury SEND: who was accountable for the plan');
    expect(shown).toContain('As of 21 November 2017');
    expect(shown).toContain('Legend:');
    expect(shown).toContain('Organisation');
    expect(shown).toContain('Sources');
    expect(shown).toContain('Bury Council');
    await page.getByTestId('export-frame').uncheck();
  });

  it('exports the data: CSV and GraphML with as many rows as nodes and relationships on the canvas', async () => {
    const [json] = await downloads('export-download-json');
    const { graph, file } = graphFromJson(readFileSync(json?.file ?? '', 'utf8'));
    expect(file.data.at).toBe(AT);
    const csv = await downloads('export-download-csv', 2);
    const byName = Object.fromEntries(
      csv.map((c) => [c.name.endsWith('-nodes.csv') ? 'nodes' : 'rels', c.file]),
    );
    const records = (f: string) => readFileSync(f, 'utf8').split('\r\n').filter(Boolean).length;
    // Quotes may hold line breaks inside a quoted cell, so count records by CRLF (the record separator).
    expect(records(byName.nodes ?? '')).toBe(graph.nodes.length + 1);
    expect(records(byName.rels ?? '')).toBe(graph.edges.length + 1);
    const [graphml] = await downloads('export-download-graphml');
    const xml = readFileSync(graphml?.file ?? '', 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => n === 'node' || n === 'edge',
    }).parse(xml);
    expect(doc.graphml.graph.node).toHaveLength(graph.nodes.length);
    expect(doc.graphml.graph.edge).toHaveLength(graph.edges.length);
    await page.keyboard.press('Escape');
  });

  it('saves the view, and after a reload elsewhere reopens it with the same nodes, positions, date and filters', async () => {
    if (await page.getByTestId('export-dialog').isVisible()) await page.keyboard.press('Escape');
    const before = await positions();
    await page.getByTestId('saved-views-button').click();
    await page.getByTestId('saved-view-name').fill('E2E council, November 2017');
    await page.getByTestId('saved-view-save').click();
    // The id comes back in the confirmation (earlier runs may have left views of the same name).
    const status = page.getByTestId('saved-views-status');
    await expect.poll(() => status.textContent(), T).toMatch(/^Saved “E2E council, November 2017” \(/);
    const id = /\(([a-z0-9-]+)\)\.$/.exec((await status.textContent()) ?? '')?.[1];
    expect(id).toMatch(/^e2e-council-november-2017/);
    await page.locator(`[data-testid=saved-view-item][data-view-id="${id}"]`).waitFor(T);
    await e2e.shot('3-saved');

    // Elsewhere: another organisation, all dates, no filters; then a reload.
    await page.goto(`${e2e.server.url}/?node=org:nhs-bury-ccg&x=org:nhs-bury-ccg`);
    await settled();
    await page.reload();
    await settled();
    expect(new URL(page.url()).searchParams.get('at')).toBeNull();

    await page.getByTestId('saved-views-button').click();
    await page
      .locator(`[data-testid=saved-view-item][data-view-id="${id}"] [data-testid=saved-view-open]`)
      .click();
    await settled();
    const after = await positions();
    writeFileSync(path.join(ARTIFACTS, 'export-positions.json'), JSON.stringify({ before, after }, null, 2));
    expect(Object.keys(after.positions).sort()).toEqual(Object.keys(before.positions).sort());
    for (const [node, p] of Object.entries(before.positions)) {
      expect(Math.abs((after.positions[node]?.x ?? Number.NaN) - p.x), node).toBeLessThanOrEqual(1);
      expect(Math.abs((after.positions[node]?.y ?? Number.NaN) - p.y), node).toBeLessThanOrEqual(1);
    }
    expect(after.zoom).toBeCloseTo(before.zoom, 3);
    const url = new URL(page.url());
    expect(url.searchParams.get('at')).toBe(AT);
    expect(url.searchParams.get('notype')).toBe('MENTIONS');
    expect(url.searchParams.get('node')).toBe(COUNCIL);
    await e2e.shot('4-reopened');

    await page.getByTestId('saved-views-button').click();
    const remove = page.locator(
      `[data-testid=saved-view-item][data-view-id="${id}"] [data-testid=saved-view-delete]`,
    );
    await remove.click();
    await remove.click();
    await page
      .locator(`[data-testid=saved-view-item][data-view-id="${id}"]`)
      .waitFor({ ...T, state: 'detached' });
  });

  it("keeps the console's query with a saved view and puts it back in the editor", async () => {
    const query = 'MATCH (p:Person)-[:HELD]->(t:Tenure) RETURN p.name AS person, t.capacity AS capacity';
    await page.goto(`${e2e.server.url}/?view=console&cypher=${encodeURIComponent(query)}`);
    await page.locator('[data-testid=console-query-input]').waitFor(T);
    await expect
      .poll(() => page.locator('[data-testid=console-query-input]').textContent(), T)
      .toContain('p.name AS person');
    await page.getByTestId('tab-explore').click();
    await page.getByTestId('saved-views-button').click();
    await page.getByTestId('saved-view-name').fill('E2E with a query');
    await page.getByTestId('saved-view-save').click();
    const status = page.getByTestId('saved-views-status');
    await expect.poll(() => status.textContent(), T).toMatch(/^Saved “E2E with a query” \(/);
    const id = /\(([a-z0-9-]+)\)\.$/.exec((await status.textContent()) ?? '')?.[1];
    const saved = (await (await fetch(`${e2e.server.url}/api/views/${id}`)).json()) as {
      state: { query?: string };
    };
    expect(saved.state.query).toBe(query);

    // A fresh page with another query in the console; reopening the view brings the saved one back.
    await page.goto(`${e2e.server.url}/?view=console&cypher=${encodeURIComponent('RETURN 1 AS one')}`);
    await page.locator('[data-testid=console-query-input]').waitFor(T);
    await page.getByTestId('saved-views-button').click();
    await page
      .locator(`[data-testid=saved-view-item][data-view-id="${id}"] [data-testid=saved-view-open]`)
      .click();
    await page.getByTestId('tab-console').click();
    await expect
      .poll(() => page.locator('[data-testid=console-query-input]').textContent(), T)
      .toContain('p.name AS person');
    await fetch(`${e2e.server.url}/api/views/${id}`, { method: 'DELETE' });
  });
});
