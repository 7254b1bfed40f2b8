// Serving a team, in a real Chromium: the app works under its Content-Security-Policy (no inline
// script or style; no violation is reported while the graph draws, the console runs and a panel
// opens), and names carrying HTML, script, SVG and bidi-control payloads stay inert text in the
// search list, the details panel and the console table.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../server/http/security-headers.ts';
import { type E2E, startE2E } from './harness.ts';

const T = { timeout: 20_000 };
const HOSTILE_ID = 'person:hostile-payloads';
const HOSTILE_NAME =
  'Hostile Payloads <img src=x onerror="window.__pwned=1"><svg onload="window.__pwned=2"></svg>' +
  '<script>window.__pwned=3</script>\u202Egnp.exe\u202C "><b>bold</b>';

let e2e: E2E;
let page: Page;

interface Watch {
  __csp: string[];
  __pwned?: number;
}

beforeAll(async () => {
  e2e = await startE2E('team');
  page = e2e.page;
  await e2e.graph.write((tx) =>
    tx.run('CREATE (:Person {id: $id, name: $name, aliases: [$name]})', {
      id: HOSTILE_ID,
      name: HOSTILE_NAME,
    }),
  );
  // Every CSP violation the page reports, from the first script on.
  await page.addInitScript(() => {
    const watch = window as unknown as Watch;
    watch.__csp = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      watch.__csp.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
});

afterAll(async () => {
  await e2e?.close();
});

const violations = () => page.evaluate(() => (window as unknown as Watch).__csp);
const pwned = () => page.evaluate(() => (window as unknown as Watch).__pwned ?? null);
const editor = () => page.locator('[data-testid=console-query-input]');
const paramsInput = () => page.locator('[data-testid=console-params-input]');

async function typeInto(target: ReturnType<typeof editor>, text: string): Promise<void> {
  await target.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

describe('the app under its Content-Security-Policy', () => {
  it('serves the page with the policy, draws the graph and reports no violation', async () => {
    const response = await page.goto(e2e.server.url);
    // The page's policy is the API's plus a fresh nonce for the code editor's one <style> element.
    const nonce = await page.locator('meta[name=csp-nonce]').getAttribute('content');
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(response?.headers()['content-security-policy']).toBe(
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`),
    );
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await page
      .locator('#canvas-status[data-status=ready], #canvas-status[data-status=truncated]')
      .waitFor({ ...T, state: 'attached' });
    await page.locator('#cy[data-layout=idle]').waitFor({ ...T, state: 'attached' });
    expect(Number(await page.locator('#cy').getAttribute('data-node-count'))).toBeGreaterThan(0);
    // The built page has no inline script or style for the policy to block.
    const inline = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script:not([src])')].length,
      styleAttributes: [...document.querySelectorAll('[style]')].filter((el) => el.closest('#cy') === null)
        .length,
    }));
    expect(inline.scripts).toBe(0);
    expect(await violations()).toEqual([]);
    await e2e.shot('csp-explorer');
  });
});

describe('hostile names stay inert', () => {
  it('in the search list and the details panel', async () => {
    await page.locator('[data-testid=search-input]').fill('hostile payloads');
    const suggestion = page.locator(`[data-testid=search-suggestion][data-node-id="${HOSTILE_ID}"]`);
    await suggestion.waitFor(T);
    expect(await suggestion.textContent()).toContain('<img src=x');
    await suggestion.click();
    const details = page.locator(`[data-testid=node-details][data-node-id="${HOSTILE_ID}"]`);
    await details.waitFor(T);
    expect(await details.locator('[data-testid=detail-name]').textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('img[src="x"], svg[onload], b:text("bold")').count()).toBe(0);
    expect(await pwned()).toBeNull();
    expect(await violations()).toEqual([]);
    await e2e.shot('hostile-panel');
  });

  it('in the console table, and the console itself runs under the policy', async () => {
    await page.locator('[data-testid=tab-console]').click(T);
    await page.locator('#view-console[data-schema=ready]').waitFor({ ...T, state: 'attached' });
    await typeInto(editor(), 'MATCH (p:Person) WHERE p.id = $id RETURN p.name AS name, p');
    await page.keyboard.press('Escape');
    await typeInto(paramsInput(), `{"id": "${HOSTILE_ID}"}`);
    await editor().click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await page
      .locator('[data-testid=console-summary]')
      .filter({ hasText: /1 row\b/ })
      .waitFor(T);
    const table = page.locator('[data-testid=console-table]');
    expect(await table.textContent()).toContain(HOSTILE_NAME);
    expect(await page.locator('img[src="x"], svg[onload], b:text("bold")').count()).toBe(0);
    expect(await pwned()).toBeNull();
    expect(await violations()).toEqual([]);
    await e2e.shot('hostile-console');
  });
});
