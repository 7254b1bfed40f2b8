import type { Api } from '../../client/src/api.ts';
import type { PostsChartAutomation } from '../../client/src/posts/posts-export.ts';
import { tenureSources } from '../../client/src/posts/tenure.ts';
import { tenuresCsv } from '../../client/src/posts/tenure-csv.ts';
import type { PostsChart } from '../../graph/contract/posts-chart.ts';
import { launchChromium } from '../chromium.ts';

/**
 * `npm run export -- --chart <org-id>`: the Posts chart. CSV is written here from the API; PNG and
 * SVG are drawn by the built client in headless Chromium (`window.__agPostsChart`), so the file is
 * the one the Posts tab's buttons save.
 */

export async function chartCsv(chart: PostsChart, api: Pick<Api, 'document'>): Promise<string> {
  const titles: Record<string, string> = {};
  const ids = new Set(
    chart.organisations.flatMap((o) => o.posts.flatMap((p) => p.tenures.flatMap((t) => tenureSources(t)))),
  );
  for (const id of ids) {
    try {
      titles[id] = (await api.document(id)).title;
    } catch {
      // A document the graph cites but cannot return keeps its id in the file, without a title.
    }
  }
  return tenuresCsv(chart, titles);
}

type Hook = { __agPostsChart: PostsChartAutomation };

export async function renderChart(options: {
  baseUrl: string;
  org: string;
  from: string | null;
  to: string | null;
  format: 'png' | 'svg';
  scale: number;
  title: string;
}): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${options.baseUrl}/?view=posts&node=${encodeURIComponent(options.org)}`);
    await page.waitForFunction(() => '__agPostsChart' in window, undefined, { timeout: 30_000 });
    const file = await page.evaluate((request) => (window as unknown as Hook).__agPostsChart.file(request), {
      org: options.org,
      from: options.from ?? undefined,
      to: options.to ?? undefined,
      format: options.format,
      scale: options.scale,
      title: options.title,
    });
    if (errors.length > 0) throw new Error(`The page raised errors: ${errors.join('; ')}`);
    return Buffer.from(file.base64, 'base64');
  } finally {
    await browser.close();
  }
}
