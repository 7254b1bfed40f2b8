// Anyone can use it: axe-core finds no serious or critical problem on any tab, and a keyboard alone
// goes from search to a quote in its source to an export, with the focus always visible.
// Screenshots: test-artifacts/e2e/a11y-*.png.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../test/graph-helpers.ts';
import { ARTIFACTS, type E2E, startE2E } from './harness.ts';

const KAREN = 'person:karen-dolton';
const T = { timeout: 30_000 };
// Evaluated in the page rather than added as a script tag, which the app's CSP rightly refuses.
const AXE_SOURCE = readFileSync(path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E('a11y');
  page = e2e.page;
  await page.setViewportSize({ width: 1280, height: 720 });
});

afterAll(async () => {
  await e2e?.close();
});

async function settled(): Promise<void> {
  await page
    .locator('#canvas-status[data-status=ready], #canvas-status[data-status=truncated]')
    .waitFor({ ...T, state: 'attached' });
  await page.locator('#cy[data-layout=idle]').waitFor({ ...T, state: 'attached' });
}

/** Resolves once the page's DOM has not changed for 300 ms (at most 5 s). */
async function domQuiet(): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 300);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 300);
        });
        const cap = setTimeout(done, 5_000);
        function done(): void {
          observer.disconnect();
          clearTimeout(cap);
          resolve();
        }
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
}

/**
 * Serious and critical axe-core violations on the page as it is, described for the failure message.
 * axe-core itself throws when an element it is describing leaves the page mid-run (a panel still
 * redrawing), so it runs on a quiet DOM, and once more should that still happen; a second failure
 * fails the test.
 */
async function seriousViolations(): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  for (let attempt = 1; ; attempt++) {
    await domQuiet();
    try {
      return await axeViolations();
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

async function axeViolations(): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join('; ')}`,
    );
}

/** Presses Tab (at most `max` times) until the focus is on an element matching `selector`. */
async function tabTo(selector: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element draws an outline (the focus is visible). */
async function focusVisible(): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return false;
    const style = getComputedStyle(el);
    return (
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none'
    );
  });
}

describe('accessibility', () => {
  it('has no serious or critical axe-core violations on any tab', async () => {
    await page.goto(e2e.server.url);
    await settled();
    const tabs = await page.locator('[role=tab]').evaluateAll((els) => els.map((el) => el.id));
    expect(tabs).toHaveLength(5);
    const found: Record<string, string[]> = {};
    for (const tab of tabs) {
      await page.locator(`#${tab}`).click();
      const panel = page.locator(`[role=tabpanel][aria-labelledby="${tab}"]:not([hidden])`);
      await panel.waitFor(T);
      // A tab built on demand has drawn something, and what it asked the server for has arrived.
      await page.waitForFunction(
        (id) =>
          (document.querySelector(`[role=tabpanel][aria-labelledby="${id}"]`)?.childElementCount ?? 0) > 0,
        tab,
        T,
      );
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(ARTIFACTS, `a11y-${tab}.png`) });
      found[tab] = await seriousViolations();
    }
    expect(found).toEqual(Object.fromEntries(tabs.map((tab) => [tab, []])));
  });

  it('walks by keyboard alone from search to a quote in its source, to the date and to an export', async () => {
    await page.goto(e2e.server.url);
    await settled();
    // The skip link is the first stop and leads to search.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain('skip-link');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-input');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.type('karen dol');
    await page.locator(`[data-testid=search-suggestion][data-node-id="${KAREN}"]`).waitFor(T);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=node-details][data-node-id="${KAREN}"]`).waitFor(T);
    await settled();

    // Expand from the panel, by keyboard.
    await tabTo('[data-testid=expand-button]');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=collapse-button]').waitFor(T);
    await settled();

    // The evidence: open the quote in its source, then close the reader with Escape.
    await tabTo('[data-testid=show-in-source]');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('mark[data-testid=reader-highlight]').waitFor(T);
    await page.screenshot({ path: path.join(ARTIFACTS, 'a11y-keyboard-reader.png') });
    await page.keyboard.press('Escape');
    await expect(
      page.locator('dialog[data-testid=document-reader]').evaluate((d) => (d as HTMLDialogElement).open),
    ).resolves.toBe(false);

    // The date, by keyboard: one month later.
    await tabTo('[aria-label="One month later"]');
    const before = await page.locator('[data-testid=date-readout]').textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=date-readout]').textContent(), T).not.toBe(before);
    await settled();

    // The canvas as a list: a node chosen there opens in the panel.
    await tabTo('[data-testid=canvas-list-toggle]');
    await page.keyboard.press('Enter');
    await tabTo(`[data-testid=canvas-list-item][data-node-id="${KAREN}"]`);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid=node-details][data-node-id="${KAREN}"]`).waitFor(T);

    // The columns fold and unfold by keyboard.
    await tabTo('[data-testid=toggle-panel]');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid=detail-panel]').isVisible()).resolves.toBe(false);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid=detail-panel]').isVisible()).resolves.toBe(true);

    // The export menu, and an SVG download, by keyboard.
    await tabTo('[data-testid=export-menu-button]');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=export-dialog]').waitFor(T);
    const download = page.waitForEvent('download', T);
    await tabTo('[data-testid=export-download-svg]', 60);
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toMatch(/\.svg$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'a11y-keyboard-export.png') });
  });
});
