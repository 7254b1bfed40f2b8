// How many requests the opening view costs, in a real Chromium against the real app: one answer for
// the whole opening (GET /api/opening, fetched from the page's preload hint) beside the health check,
// then the documents the details cite: two rounds, and none of the reads the opening carries asked
// again. Counts only, no timings.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.ts';

const INSPECTION = 'inspection:bury-local-area-send-2017';
const T = { timeout: 20_000 };

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E('opening');
  page = e2e.page;
});

afterAll(async () => {
  await e2e?.close();
});

/** The API requests the page sends from now on, as "METHOD /path". */
function recordApi(): { requests: string[]; stop(): void } {
  const requests: string[] = [];
  const listener = (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) requests.push(`${request.method()} ${url.pathname}`);
  };
  page.on('request', listener);
  return { requests, stop: () => page.off('request', listener) };
}

/** The canvas drawn and settled, as the nav bench waits for it. */
async function drawn(): Promise<void> {
  await page.locator('#canvas-status[data-status=ready]').waitFor({ ...T, state: 'attached' });
  await page.locator('#cy[data-layout=idle]:not([data-node-count="0"])').waitFor({ ...T, state: 'attached' });
}

describe('the opening view’s requests', () => {
  it('draws a blank link from one answer: the opening, asked once, beside the health check', async () => {
    const api = recordApi();
    await page.goto(e2e.server.url);
    await drawn();
    // The details beside it: the inspection, and who was accountable for it, from the same answer.
    const details = page.locator(`[data-testid=node-details][data-node-id="${INSPECTION}"]`);
    await expect(details.locator('[data-testid=detail-name]').textContent(T)).resolves.toContain('2017');
    await details.locator('[data-testid=finding-organisation]').first().waitFor(T);
    api.stop();
    expect(await page.locator('#cy').getAttribute('data-node-count')).not.toBe('0');
    expect(new URL(page.url()).searchParams.get('node')).toBe(INSPECTION);
    // One answer for all of it: the opening (asked once) beside the health check. Nothing waits on
    // the opening to ask for more (no schema, node, neighbours, accountability or search request);
    // only the documents the details cite come after, a second round.
    const documents = api.requests.filter((r) => r.startsWith('GET /api/documents/'));
    expect(api.requests.filter((r) => !documents.includes(r)).sort()).toEqual([
      'GET /api/health',
      'GET /api/opening',
    ]);
    await e2e.shot('01-drawn');
  });

  it('does not ask for the opening when the link names a view of its own', async () => {
    const api = recordApi();
    await page.goto(`${e2e.server.url}/?node=${INSPECTION}`);
    await drawn();
    api.stop();
    expect(api.requests).not.toContain('GET /api/opening');
    expect(api.requests).toContain(`GET /api/nodes/${encodeURIComponent(INSPECTION)}/neighbours`);
  });
});
