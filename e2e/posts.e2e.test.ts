// The Posts tab in a real Chromium against the real API and the seeded Neo4j: the chart of Bury
// Council and the bodies answerable with it, the date cursor dragged (the address bar follows), a bar
// clicked and its quote read in the details, the chart exported as SVG and PNG; a link's date kept
// when the link names no node (the explorer builds its opening then); a report's findings gathered
// into one marker, clicked and opened from the keyboard. Screenshots and files go to
// test-artifacts/e2e/posts-*.
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
const LOCAL_AREA = 'org:bury-local-area';

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

/** The date the chart's cursor is on, as the page states it: the chart's data and the cursor's name. */
async function cursorShown(): Promise<{ day: string | null; name: string | null }> {
  const day = await page.getByTestId('posts-chart').getAttribute('data-cursor');
  const cursor = page.getByTestId('posts-header').getByRole('img', { name: /^Date shown:/ });
  return { day, name: await cursor.getAttribute('aria-label') };
}

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

describe('a link to the Posts tab with a date', () => {
  // A link naming no node makes the explorer build its opening (the 2017 inspection), whose own day
  // is the inspection's (12 June 2017) or the first day a source names the holders; the link's date
  // must win over either. Two dates, so that one is never the opening's own choice.
  for (const [at, name] of [
    ['2017-11-21', '21 November 2017'],
    ['2019-03-04', '4 March 2019'],
  ] as const) {
    it(`puts the cursor on the link's date, ${name}, when the link names no node`, async () => {
      await page.goto(`${e2e.server.url}/?view=posts&at=${at}`);
      await page.locator('[data-testid=posts-chart][data-state=ready]').waitFor(T);
      // The opening has been drawn (its nodes are in the address bar) and the date is still the link's.
      await expect.poll(() => new URL(page.url()).searchParams.get('pin'), T).toMatch(/^inspection:/);
      await expect.poll(cursorShown, T).toEqual({ day: at, name: `Date shown: ${name}` });
      expect(atInUrl()).toBe(at);
      expect(await page.getByTestId('posts-details-title').count()).toBe(0);
      expect(await page.getByTestId('date-input').inputValue()).toBe(at);
      if (at === '2017-11-21') await e2e.shot('6-link-date');
    });
  }

  it("puts the cursor on the link's date for the local area and for the council", async () => {
    for (const org of [LOCAL_AREA, COUNCIL]) {
      await page.goto(`${e2e.server.url}/?node=${org}&view=posts&at=2017-11-21`);
      await page.locator('[data-testid=posts-chart][data-state=ready]').waitFor(T);
      await expect.poll(cursorShown, T).toEqual({ day: '2017-11-21', name: 'Date shown: 21 November 2017' });
    }
  });
});

describe("a report's findings gathered into one marker", () => {
  let areaChart: PostsChart;
  /** The first report or inspection with three or more findings of one date: one marker on the strip. */
  let group: { foundBy: string; start: string; members: PostsChart['events'] };

  beforeAll(async () => {
    const response = await fetch(`${e2e.server.url}/api/posts-chart?org=${LOCAL_AREA}`);
    areaChart = PostsChartSchema.parse(await response.json());
    const byReport = new Map<string, PostsChart['events']>();
    for (const event of areaChart.events) {
      if (event.label !== 'Finding' || !event.foundBy) continue;
      const key = `${event.foundBy}|${event.start}|${event.end}`;
      byReport.set(key, [...(byReport.get(key) ?? []), event]);
    }
    const members = [...byReport.values()].find((m) => m.length >= 3);
    const first = members?.[0];
    if (!members || !first?.foundBy)
      throw new Error('the seeds have no report with three findings of one date');
    group = { foundBy: first.foundBy, start: first.start, members };
  });

  const marker = () =>
    page.locator(
      `[data-testid=posts-header] .pc-event[data-ref="e:findings:${group.foundBy}:${group.start}"]`,
    );

  async function expectFindingsListed(): Promise<void> {
    const details = page.getByTestId('posts-details');
    await expect
      .poll(() => details.getByTestId('posts-details-title').textContent(), T)
      .toBe(`${group.members.length} findings`);
    const headings = await details.locator('.pc-evidence h4').allTextContents();
    const quotes = await details.locator('[data-testid=evidence-quote] blockquote').allTextContents();
    for (const finding of group.members) {
      expect(headings).toContain(`${finding.name}${finding.kind ? ` (${finding.kind})` : ''}`);
      expect(finding.evidence.length).toBeGreaterThan(0);
      for (const source of finding.evidence) expect(quotes).toContain(source.quote);
    }
    // Choosing a marker moves the shared date to its first day.
    await expect.poll(atInUrl, T).toBe(group.start);
  }

  it('lists every finding with its sources when the marker is clicked', async () => {
    await page.goto(`${e2e.server.url}/?node=${LOCAL_AREA}&view=posts&at=2020-01-01`);
    await page.locator('[data-testid=posts-chart][data-state=ready]').waitFor(T);
    await expect(marker().count()).resolves.toBe(1);
    // A person's click: the pointer goes to the marker and presses there, whatever lies on top.
    await marker().click(T);
    await expectFindingsListed();
    await e2e.shot('7-findings-clicked');
  });

  it('lists them too when the marker is chosen from the keyboard', async () => {
    await page.goto(`${e2e.server.url}/?node=${LOCAL_AREA}&view=posts&at=2020-01-01`);
    await page.locator('[data-testid=posts-chart][data-state=ready]').waitFor(T);
    expect(await marker().getAttribute('tabindex')).toBe('0');
    expect(await marker().getAttribute('role')).toBe('button');
    await marker().focus();
    await page.keyboard.press('Enter');
    await expectFindingsListed();
  });
});
