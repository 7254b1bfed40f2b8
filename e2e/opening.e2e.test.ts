// How many requests the opening view costs, in a real Chromium against the real app: the page
// carries the whole opening's answer, so only the health check goes out beside it, then the
// documents the details cite; none of the reads the opening carries is asked again. Counts only, no
// timings.
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
  it('draws a blank link from the answer its page carries, asking only for the health check', async () => {
    // Worked out in advance, as the server's entry point does as it starts (warmOpening): the page
    // carries the answer when it is ready in time, and preloads it otherwise.
    await fetch(`${e2e.server.url}/api/opening`);
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
    // One answer for all of it, in the page: only the health check beside it. Nothing waits on the
    // opening to ask for more (no opening, schema, node, neighbours, accountability or search
    // request); only the documents the details cite come after.
    const documents = api.requests.filter((r) => r.startsWith('GET /api/documents/'));
    expect(api.requests.filter((r) => !documents.includes(r))).toEqual(['GET /api/health']);
    // Taken out of the page once read, so a retry asks the server afresh.
    expect(await page.locator('#opening-answer').count()).toBe(0);
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

describe('the opening view’s first drawing', () => {
  it('is laid out and fitted once, for the canvas beside its note: the note does not move it again', async () => {
    // Every state of the canvas's layout from the first script on, and whether nodes were drawn then:
    // watched from before the page's own script runs, since a page that carries the opening's
    // answer draws it while that script runs.
    await page.addInitScript(
      `const seen = (globalThis.__layoutSeen = []);
      new MutationObserver((records) => {
        const cy = records.find((r) => r.target.id === 'cy')?.target;
        if (cy) seen.push(cy.dataset.nodeCount + ' ' + cy.dataset.layout);
      }).observe(document, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-layout', 'data-node-count'],
      });`,
    );
    await fetch(`${e2e.server.url}/api/opening`);
    await page.goto(e2e.server.url);
    await drawn();
    // The note beside the canvas is there (the seeds' opening chooses a later day, and says why).
    await page.locator('.canvas-note-row:not(:empty)').waitFor(T);
    const seen = (await page.evaluate('globalThis.__layoutSeen')) as string[];
    const drawnAt = seen.findIndex((s) => !s.startsWith('0 ') && !s.startsWith('undefined'));
    expect(drawnAt).toBeGreaterThanOrEqual(0);
    // From the moment nodes are drawn, the layout never runs again and the view never animates.
    expect(seen.slice(drawnAt).filter((s) => s.endsWith(' running'))).toEqual([]);
  });
});

/** Where the page's picture put each node (client/src/canvas/picture.ts), and the canvas's hook. */
interface PictureHook {
  __openingPicture?: { zoom: number; rendered: Record<string, { x: number; y: number }> };
  __graph: { nodeIds(): string[]; renderedPosition(id: string): { x: number; y: number } | null };
}

describe('the opening’s picture', () => {
  it('is painted before Cytoscape’s code has arrived, and the canvas takes over where it stands', async () => {
    // Hold back the canvas's chunk (Cytoscape) until the picture has been looked at.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const canvasChunk = /\/assets\/cy-[\w-]+\.js$/;
    await page.route(canvasChunk, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await fetch(`${e2e.server.url}/api/opening`);
      await page.goto(e2e.server.url);
      await picture().waitFor(T);
      // The same view: the inspection, the bodies it inspected, their posts and who held them, named.
      const ids = await picture()
        .locator('g.node')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
      expect(ids).toContain(INSPECTION);
      expect(ids).toContain('org:bury-council');
      expect(ids.some((id) => id?.startsWith('person:'))).toBe(true);
      await expect(picture().locator('text').allTextContents()).resolves.toContain('Bury Council');
      // Not yet interactive, and the status line says it is starting; the note is already above it.
      expect(await page.locator('#cy').getAttribute('data-node-count')).toBeNull();
      await expect(page.locator('#canvas-status').textContent()).resolves.toContain('Starting');
      await page.locator('.canvas-note-row:not(:empty)').waitFor(T);
      expect(await page.evaluate(() => performance.getEntriesByName('opening-picture-painted').length)).toBe(
        1,
      );
      await e2e.shot('02-picture');
    } finally {
      release();
    }
    await drawn();
    await page.unroute(canvasChunk);
    // Gone once the canvas has drawn the same view, where the picture had it.
    await picture().waitFor({ ...T, state: 'detached' });
    await expectCanvasWherePictureWas();
    await e2e.shot('03-canvas-took-over');
  });

  it('matches the canvas on a small laptop too, where the columns are split to fit', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    try {
      await page.goto(e2e.server.url);
      await drawn();
      await picture().waitFor({ ...T, state: 'detached' });
      await expectCanvasWherePictureWas();
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('is not drawn for a link that names a view of its own', async () => {
    await page.goto(`${e2e.server.url}/?node=${INSPECTION}`);
    await drawn();
    expect(await page.evaluate(() => performance.getEntriesByName('opening-picture-painted').length)).toBe(0);
    expect(await picture().count()).toBe(0);
  });
});

function picture() {
  return page.locator('[data-testid=opening-picture]');
}

/** The canvas shows the nodes the picture showed, each within a pixel or two of where it stood. */
async function expectCanvasWherePictureWas(): Promise<void> {
  const { pictured, canvas, moved } = await page.evaluate(() => {
    const hook = window as unknown as PictureHook;
    const rendered = hook.__openingPicture?.rendered ?? {};
    const moved = Object.entries(rendered).map(([id, at]) => {
      const now = hook.__graph.renderedPosition(id);
      return now ? Math.hypot(now.x - at.x, now.y - at.y) : Number.POSITIVE_INFINITY;
    });
    return { pictured: Object.keys(rendered).sort(), canvas: hook.__graph.nodeIds().sort(), moved };
  });
  expect(pictured.length).toBeGreaterThan(0);
  expect(pictured).toEqual(canvas);
  // The picture's boxes follow Cytoscape's own rules; what is left is rounding.
  expect(Math.max(...moved)).toBeLessThan(2);
}
