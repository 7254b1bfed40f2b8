// The Cypher console in a real Chromium against the real API and the seeded Neo4j: typing a query
// with completion from the schema, running it with the keyboard, the result as table, graph and
// JSON, sending it to the explorer's canvas, a refused write and a syntax error explained, a saved
// question with parameters, bad parameters caught before sending, the history after a reload, and
// a shared link. Screenshots of each step go to test-artifacts/e2e/console-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './harness.ts';

const T = { timeout: 15_000 };

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E('console');
  page = e2e.page;
});

afterAll(async () => {
  await e2e?.close();
});

const editor = () => page.locator('[data-testid=console-query-input]');
const paramsInput = () => page.locator('[data-testid=console-params-input]');
const summary = () => page.locator('[data-testid=console-summary]');
const errorBox = () => page.locator('[data-testid=console-error]');
const rows = () => page.locator('[data-testid=console-row]');

async function editorText(): Promise<string> {
  return ((await editor().textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** Empties an editor and types into it as a person would (brackets close themselves). */
async function typeInto(target: ReturnType<typeof editor>, text: string): Promise<void> {
  await target.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

describe('the Cypher console in a browser', () => {
  it('opens from its tab, with the saved questions listed', async () => {
    await page.goto(e2e.server.url);
    await page.locator('[data-testid=tab-console]').click(T);
    await page.locator('[data-testid=console]').waitFor(T);
    expect(new URL(page.url()).searchParams.get('view')).toBe('console');
    expect(await page.locator('[data-testid=library-item]').count()).toBeGreaterThanOrEqual(8);
    await editor().waitFor(T);
    // Completion needs the schema, fetched once the console opens.
    await page.locator('#view-console[data-schema=ready]').waitFor({ ...T, state: 'attached' });
    await e2e.shot('opened');
  });

  it('completes a label from the live schema, and runs with Ctrl+Enter', async () => {
    await typeInto(editor(), 'MATCH (p:Pers');
    const list = page.locator('.cm-tooltip-autocomplete');
    await list.waitFor(T);
    const option = list.locator('li', { hasText: 'Person' }).first();
    await option.waitFor(T);
    await e2e.shot('autocomplete');
    await page.keyboard.press('Enter');
    expect(await editorText()).toContain('MATCH (p:Person)');

    // The closing bracket was typed for us; step over it and go on.
    await page.keyboard.press('End');
    await page.keyboard.type(
      '-[h:HELD]->(t:Tenure)-[:OF_POST]->(post:Post) RETURN p, h, t.capacity AS capacity, post',
    );
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Enter');
    await summary()
      .filter({ hasText: /10 rows/ })
      .waitFor(T);
    expect(await rows().count()).toBe(10);
    // Nodes and relationships read by name, not as JSON.
    const table = page.locator('[data-testid=console-table]');
    await expect(table.textContent()).resolves.toContain('Karen Dolton');
    // The tenure was not returned, so the relationship's far end shows as an ellipsis.
    await expect(table.textContent()).resolves.toContain('Karen Dolton –HELD→ …');
    expect(await summary().textContent()).toMatch(/10 rows · \d+ ms in Neo4j, \d+ ms in all/);
    // The address bar now carries the query.
    expect(new URL(page.url()).searchParams.get('cypher')).toContain('MATCH (p:Person)-[h:HELD]->');
    await e2e.shot('table');
  });

  it('sorts the table by a column, both ways', async () => {
    const header = page.locator('[data-testid=console-sort][data-column=p]');
    await header.click();
    await expect(page.locator('th[aria-sort=ascending]').count()).resolves.toBe(1);
    const first = async () =>
      ((await rows().first().locator('td').first().textContent()) ?? '').replace(/^Person\s*/, '');
    expect(await first()).toBe('Andrew Cook');
    await header.click();
    expect(await first()).toBe('Stuart North');
  });

  it('shows the result as a graph and as raw JSON', async () => {
    await page.locator('[data-testid=console-tab-graph]').click();
    await page.locator('[data-testid=console-graph] canvas').first().waitFor(T);
    await page.waitForTimeout(1500);
    await e2e.shot('graph');

    await page.locator('[data-testid=console-tab-json]').click();
    const json = page.locator('[data-testid=console-json]');
    await json.waitFor(T);
    const parsed = JSON.parse((await json.textContent()) ?? '') as { columns: string[]; rows: unknown[] };
    expect(parsed.columns).toEqual(['p', 'h', 'capacity', 'post']);
    expect(parsed.rows).toHaveLength(10);
    await e2e.shot('json');
  });

  it('puts the result on the explorer canvas, replacing what was there', async () => {
    await page.locator('[data-testid=console-tab-graph]').click();
    await page.locator('[data-testid=console-canvas-mode]').selectOption('replace');
    await page.locator('[data-testid=console-to-canvas]').click();
    await page.locator('[data-testid=tab-explore][aria-selected=true]').waitFor(T);
    await page.locator('#canvas-status[data-status=ready]').waitFor({ ...T, state: 'attached' });
    const url = new URL(page.url());
    // Replacing leaves no pins or expansions behind.
    expect(url.searchParams.get('pin')).toBeNull();
    expect(url.searchParams.get('x')).toBeNull();
    const drawn = await page.evaluate(() => {
      const hook = (window as unknown as { __graph?: { nodeIds(): string[] } }).__graph;
      return hook ? hook.nodeIds() : null;
    });
    if (drawn) {
      expect(drawn).toContain('person:karen-dolton');
      expect(drawn).not.toContain('inspection:bury-local-area-send-2017');
    }
    await page.waitForTimeout(1500);
    await e2e.shot('explorer-replaced');
    await page.locator('[data-testid=tab-console]').click();
    await page.locator('[data-testid=console-clear-canvas]').waitFor(T);
  });

  it('says when rows were cut off, and shows markup from the data as text', async () => {
    await typeInto(editor(), "UNWIND range(1, 1500) AS i RETURN i, '<b>bold</b><img src=x>' AS html");
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=console-run]').click();
    await page.locator('[data-testid=console-truncated]').waitFor(T);
    expect(await page.locator('[data-testid=console-truncated]').textContent()).toContain('first 1000 rows');
    await page.locator('[data-testid=console-tab-table]').click();
    expect(await rows().count()).toBe(1000);
    const table = page.locator('[data-testid=console-table]');
    expect(await table.locator('b, img').count()).toBe(0);
    expect(await rows().first().textContent()).toContain('<b>bold</b><img src=x>');
  });

  it('explains a refused write', async () => {
    await typeInto(editor(), 'CREATE (n) RETURN n');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=console-run]').click();
    await errorBox().waitFor(T);
    const text = await errorBox().textContent();
    expect(text).toContain('The console is read-only');
    expect(text).toContain('CREATE writes to the graph; the console is read-only.');
    await e2e.shot('write-refused');
  });

  it('marks where a syntax error is', async () => {
    await typeInto(editor(), 'MATCH (n:Person)\nRETRN n.name');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Enter');
    await errorBox().filter({ hasText: 'Line 2, column 1' }).waitFor(T);
    expect(await errorBox().textContent()).toMatch(/Invalid input 'RETRN'/);
    const mark = page.locator('.cm-console-error-mark');
    await mark.waitFor(T);
    expect(await mark.textContent()).toBe('RETRN');
    await e2e.shot('syntax-error');
    // Editing clears the mark.
    await page.keyboard.type(' ');
    expect(await mark.count()).toBe(0);
  });

  it('runs a saved question with its parameters, and catches bad parameters before sending', async () => {
    await page.locator('[data-testid=library-item][data-id=sources-on-person]').click();
    await summary()
      .filter({ hasText: /\d+ rows/ })
      .waitFor(T);
    expect(await rows().count()).toBeGreaterThan(0);
    expect(await paramsInput().textContent()).toContain('Karen Dolton');
    expect(await errorBox().isHidden()).toBe(true);
    await page.locator('[data-testid=console-tab-table]').click();
    await e2e.shot('library');

    await typeInto(paramsInput(), '{"name": }');
    await page.keyboard.press('ControlOrMeta+Enter');
    const paramsError = page.locator('[data-testid=params-error]');
    await paramsError.waitFor(T);
    expect(await paramsError.textContent()).toMatch(/not valid JSON: unexpected "}" at line 1, column 10/);

    await typeInto(paramsInput(), '{}');
    await page.keyboard.press('ControlOrMeta+Enter');
    await paramsError.filter({ hasText: '$name' }).waitFor(T);
    await e2e.shot('params-error');
  });

  it('keeps the history across a reload, and a click puts a query back', async () => {
    await page.reload();
    await page.locator('[data-testid=console]').waitFor(T);
    const items = page.locator('[data-testid=history-item]');
    await items.first().waitFor(T);
    expect(await items.count()).toBeGreaterThanOrEqual(4);
    await items.filter({ hasText: 'CREATE (n) RETURN n' }).click();
    expect(await editorText()).toContain('CREATE (n) RETURN n');
    await e2e.shot('history');
  });

  it('shares a query and its parameters as a link that opens the console with them', async () => {
    await typeInto(editor(), 'MATCH (p:Person) WHERE p.name CONTAINS $name RETURN p.name AS name');
    await page.keyboard.press('Escape');
    await typeInto(paramsInput(), '{"name": "Little"}');
    await page.locator('[data-testid=console-copy-link]').click();
    const link = await page.locator('[data-testid=console-link]').inputValue();
    expect(link).toContain('view=console');

    await page.goto(e2e.server.url);
    await page.goto(link);
    await page.locator('[data-testid=console]').waitFor(T);
    await editor().waitFor(T);
    expect(await editorText()).toContain('WHERE p.name CONTAINS $name');
    expect(await paramsInput().textContent()).toContain('"name": "Little"');
    await page.keyboard.press('ControlOrMeta+Enter');
    await summary()
      .filter({ hasText: /1 row\b/ })
      .waitFor(T);
    await expect(page.locator('[data-testid=console-table]').textContent()).resolves.toContain(
      'Geoff Little',
    );
    await e2e.shot('shared-link');
  });
});
