// The tracker formats from the browser's Export menu, in a real Chromium against the real API and
// the seeded Neo4j: Popolo JSON, FollowTheMoney entities, GEXF with time and the Wikidata-style
// CSV of what is on the canvas, each downloaded and read back by a parser for its format. Files go
// to test-artifacts/e2e/export-formats-*.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportAutomation } from '../client/src/export/automation.ts';
import { FtmEntitySchema, ftmReferenceProblems } from '../graph/export/ftm-schema.ts';
import { PopoloFileSchema } from '../graph/export/popolo-schema.ts';
import { WIKIDATA_COLUMNS } from '../graph/export/wikidata.ts';
import { ARTIFACTS, type E2E, startE2E } from './harness.ts';

const T = { timeout: 30_000 };
const POST = 'post:bury-council-chief-executive';
const COUNCIL = 'org:bury-council';

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E('export-formats');
  page = e2e.page;
});

afterAll(async () => {
  await e2e?.close();
});

type Hook = { __agExport: ExportAutomation };

/** Clicks a download button and returns the file that arrives, saved under test-artifacts. */
async function download(testId: string): Promise<{ name: string; text: string }> {
  const arrived: Download[] = [];
  const listener = (d: Download) => arrived.push(d);
  page.on('download', listener);
  try {
    await page.getByTestId(testId).click();
    await expect.poll(() => arrived.length, T).toBe(1);
  } finally {
    page.off('download', listener);
  }
  const [d] = arrived;
  if (!d) throw new Error('no download');
  const file = path.join(ARTIFACTS, `export-formats-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return { name: d.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

describe('tracker formats from the Export menu', () => {
  let nodes: string[] = [];

  it('opens the council chief executive post with the people who held it', async () => {
    await page.goto(`${e2e.server.url}/?node=${POST}&x=${POST},${COUNCIL}&notype=MENTIONS`);
    await page.evaluate(() => (window as unknown as Hook).__agExport.settled(30_000));
    const positions = await page.evaluate(() => (window as unknown as Hook).__agExport.positions());
    nodes = Object.keys(positions.positions);
    expect(nodes).toContain(POST);
    expect(nodes.some((id) => id.startsWith('person:'))).toBe(true);
    await page.getByTestId('export-menu-button').click();
    await page.getByTestId('export-dialog').waitFor({ ...T, state: 'visible' });
    await e2e.shot('1-menu');
  });

  it('downloads Popolo JSON that the Popolo schema reads, with a membership of the post', async () => {
    const file = await download('export-download-popolo');
    expect(file.name).toMatch(/\.popolo\.json$/);
    const popolo = PopoloFileSchema.parse(JSON.parse(file.text));
    expect(popolo.posts.map((p) => p.id)).toContain(POST);
    const memberships = popolo.memberships.filter((m) => m.post_id === POST);
    expect(memberships.length).toBeGreaterThan(0);
    for (const m of memberships) {
      expect(nodes).toContain(m.person_id);
      expect(m.sources?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('downloads FollowTheMoney lines, each an entity of the FtM schema, with occupancies and their proof', async () => {
    const file = await download('export-download-ftm');
    expect(file.name).toMatch(/\.ftm\.ndjson$/);
    const entities = file.text
      .split('\n')
      .filter(Boolean)
      .map((line) => FtmEntitySchema.parse(JSON.parse(line)));
    expect(ftmReferenceProblems(entities)).toEqual([]);
    const schemas = new Set(entities.map((e) => e.schema));
    for (const s of ['Person', 'Organization', 'Position', 'Occupancy', 'Document'])
      expect(schemas).toContain(s);
  });

  it('downloads GEXF that graphology reads, with the canvas positions and the tenures as timed edges', async () => {
    const positions = await page.evaluate(() => (window as unknown as Hook).__agExport.positions());
    const file = await download('export-download-gexf');
    expect(file.name).toMatch(/\.gexf$/);
    const graph = parseGexf(Graph, file.text);
    expect(graph.order).toBe(Object.keys(positions.positions).length);
    const post = graph.getNodeAttributes(POST);
    expect(post.x).toBeCloseTo(positions.positions[POST]?.x ?? Number.NaN, 1);
    expect(post.y).toBeCloseTo(positions.positions[POST]?.y ?? Number.NaN, 1);
    expect(post.color).toBe('rgb(180,83,9)');
    const holds = graph.filterEdges((_e, attrs) => attrs.type === 'HOLDS');
    expect(holds.length).toBeGreaterThan(0);
    expect(file.text).toContain('<graph mode="dynamic"');
    expect(file.text).toMatch(/<spell start="\d{4}-\d{2}-\d{2}"/);
  });

  it('downloads the Wikidata-style CSV with its header and a "position held" statement of the post', async () => {
    const file = await download('export-download-wikidata');
    expect(file.name).toMatch(/\.wikidata\.csv$/);
    const lines = file.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe(WIKIDATA_COLUMNS.join(','));
    expect(lines.slice(1).some((line) => line.includes(POST) && line.includes('P39'))).toBe(true);
    await e2e.shot('2-done');
  });
});
