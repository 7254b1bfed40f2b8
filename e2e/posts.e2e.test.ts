// The Posts tab in a real Chromium against the real API and the seeded Neo4j: the chart of Bury
// Council and the bodies answerable with it, the date cursor dragged (the address bar follows), a bar
// clicked and its quote read in the details, the chart exported as SVG and PNG. Screenshots and files
// go to test-artifacts/e2e/posts-*.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostsChart, PostsChartSchema } from '../graph/contract/posts-chart.ts';
import { ARTIFACTS, type E2E, startE2E } from './harness.ts';

const T = { timeout: 20_000 };
const COUNCIL = 'org:bury-council';

let e2e: E2E;
let page: Page;
let chart: PostsChart;

beforeAll(async () => {
  e2e = await startE2E('posts');
  page = e2e.page;
  const response = await fetch(`${e2e.server.url}/api/posts-chart?org=${COUNCIL}`);
  chart = PostsChartSchema.parse(await response.json());
});

afterAll(async () => {
  await e2e?.close();
});

const atInUrl = () => new URL(page.url()).searchParams.get('at');

async function download(testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download', T), page.getByTestId(testId).click()]);
  const target = path.join(ARTIFACTS, `posts-${(file as Download).suggestedFilename()}`);
  await (file as Download).saveAs(target);
  return target;
}

/** Every <text> of an SVG (and its <title>s), as one string. */
function svgText(svg: string): string {
  const texts: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string' || typeof value === 'number') {
      if (key === 'text' || key === 'title' || key === '#text') texts.push(String(value));
      return;
    }
    if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, k === '#text' ? key : k);
  };
  walk(new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: true }).parse(svg));
  return texts.join(' ').replace(/\s+/g, ' ');
}

describe('the Posts tab', () => {
  it('charts Bury Council and the bodies answerable with it, one row per post', async () => {
    // No source names a body answerable with the council itself (those are the local area's), so one group.
    expect(chart.organisations[0]?.id).toBe(COUNCIL);
    await page.goto(`${e2e.server.url}/?node=${COUNCIL}&view=posts&at=2017-11-21`);
    await page.locator('[data-testid=posts-chart][data-state=ready]').waitFor(T);
    const posts = chart.organisations.reduce((n, o) => n + o.posts.length, 0);
    expect(posts).toBeGreaterThanOrEqual(3);
    // Rows are drawn as they scroll into view: at least the first screenful.
    expect(await page.locator('[data-testid=posts-rows] .pc-post-title').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-testid=posts-rows] .pc-tenure').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-testid=posts-header] .pc-event').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('posts-legend-item').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid=posts-chart]').getAttribute('data-cursor')).toBe('2017-11-21');
    await e2e.shot('1-chart');
  });

  it('moves the shared date when the cursor is dragged along the axis', async () => {
    const box = await page.getByTestId('posts-header').boundingBox();
    if (!box) throw new Error('no header');
    const y = box.y + 10;
    await page.mouse.move(box.x + box.width * 0.45, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.75, y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(atInUrl, T).not.toBe('2017-11-21');
    const at = atInUrl();
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('[data-testid=posts-chart]').getAttribute('data-cursor')).toBe(at);
    // The explorer's date control follows the same link state.
    expect(await page.getByTestId('date-input').inputValue()).toBe(at);
    await e2e.shot('2-dragged');
  });

  it('moves the date a month with the arrow keys', async () => {
    const before = atInUrl() ?? '';
    await page.getByTestId('posts-chart').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(atInUrl, T).not.toBe(before);
    const [y0, m0] = before.split('-').map(Number) as [number, number];
    const [y1, m1] = (atInUrl() ?? '').split('-').map(Number) as [number, number];
    expect(y1 * 12 + m1 - (y0 * 12 + m0)).toBe(1);
  });

  it('shows the quote behind a bar when it is clicked, and the source with it marked', async () => {
    // The Bury sources attest tenures rather than state them: a tenure with a quoted attestation.
    const tenure = chart.organisations
      .flatMap((o) => o.posts.flatMap((p) => p.tenures))
      .find((t) => t.attestations.some((a) => a.quote));
    if (!tenure) throw new Error('the seeds have no tenure with a quoted attestation');
    await page.getByTestId('posts-fit').click();
    const bar = page.locator(`[data-testid=posts-rows] [data-ref="t:${tenure.id}"]`).first();
    await bar.scrollIntoViewIfNeeded();
    await bar.focus();
    await page.keyboard.press('Enter');
    const details = page.getByTestId('posts-details');
    await expect
      .poll(() => details.getByTestId('posts-details-title').textContent(), T)
      .toContain(tenure.person.name);
    const quotes = await details.locator('[data-testid=evidence-quote] blockquote').allTextContents();
    expect(quotes).toContain(tenure.attestations.find((a) => a.quote)?.quote);
    await e2e.shot('3-details');
    await details.getByTestId('show-in-source').first().click();
    await page.getByTestId('reader-highlight').waitFor(T);
    await e2e.shot('4-source');
    await page.keyboard.press('Escape');
  });

  it('exports the chart as SVG with the post titles and holders as text', async () => {
    const file = await download('posts-export-svg');
    const svg = readFileSync(file, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    const text = svgText(svg);
    const posts = chart.organisations.flatMap((o) => o.posts);
    for (const post of posts.slice(0, 5)) expect(text).toContain(post.title);
    const holders = [...new Set(posts.flatMap((p) => p.tenures.map((t) => t.person.name)))];
    const named = holders.filter((name) => text.includes(name));
    // Every holder is named, on the bar or in its hover text.
    expect(named).toEqual(holders);
    expect(text).toContain('Sources');
  });

  it('exports the chart as a PNG that is not blank', async () => {
    const file = await download('posts-export-png');
    const png = PNG.sync.read(readFileSync(file));
    expect(png.width).toBeGreaterThan(1000);
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4)
      if (!(png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255)) ink += 1;
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.03);
    await e2e.shot('5-exported');
  });
});
