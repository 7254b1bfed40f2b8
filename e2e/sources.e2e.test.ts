// The Sources tab as a newcomer uses it, in a real Chromium against the real API and Neo4j: paste a
// dated press release naming a new person in an existing post, confirm the suggested attestation,
// see the person accountable on the document's date with the quote, retract it and see it gone.
// The app writes to a temporary copy of the seeds folder, never the repository's.
// A screenshot of every step goes to test-artifacts/e2e/sources-*.png.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../test/graph-helpers.ts';
import { type E2E, startE2E } from './harness.ts';

const T = { timeout: 20_000 };
// A write checks the whole seeds folder and loads the change: slower than a read on a loaded machine.
const WRITE = { timeout: 90_000 };
const TEXT = [
  'Press release',
  'Issued: 3 March 2025.',
  '',
  'Jane Smith, interim chief executive of Bury Council, said the SEND plan was on track.',
  'Families will be told of the next steps in the spring.',
].join('\n');
const QUOTE = 'Jane Smith, interim chief executive of Bury Council';

let e2e: E2E;
let page: Page;
let root: string;
let seedsDir: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'sources-e2e-'));
  seedsDir = path.join(root, 'seeds');
  cpSync(path.join(PROJECT_ROOT, 'seeds'), seedsDir, { recursive: true });
  e2e = await startE2E('sources', { seedsDir });
  page = e2e.page;
});

afterAll(async () => {
  await e2e?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function accountableNames(): Promise<string[]> {
  const panel = page.locator('[data-testid=accountability-panel]');
  await panel.locator('[data-testid=holder], [data-testid=not-known]').first().waitFor(T);
  return panel.locator('[data-testid=holder]').allInnerTexts();
}

describe('adding a source in the browser', () => {
  it('shows who was accountable on the date before the new source', async () => {
    await page.goto(`${e2e.server.url}/?node=org:bury-council&at=2025-03-03`);
    const holders = await accountableNames();
    expect(holders.join('\n')).not.toContain('Jane Smith');
    await e2e.shot('0-before');
  });

  it('lists the documents and adds a pasted press release with the date it prints', async () => {
    await page.locator('[data-testid=tab-sources]').click();
    await page.locator('[data-testid=source-row]').first().waitFor(T);
    expect(await page.locator('[data-testid=source-row]').count()).toBe(5);
    await page.locator('[data-testid=source-content]').fill(TEXT);
    await page.locator('[data-testid=source-prepare]').click();
    await page.locator('[data-testid=date-suggestion][data-date="2025-03-03"]').waitFor(T);
    expect(await page.locator('[data-testid=source-date]').inputValue()).toBe('2025-03-03');
    expect(await page.locator('[data-testid=source-date-quote]').inputValue()).toBe('Issued: 3 March 2025.');
    await page.locator('[data-testid=source-title]').fill('Council names interim chief executive');
    await page.locator('[data-testid=source-publisher]').fill('Bury Council');
    await page.locator('[data-testid=source-kind]').selectOption('press-release');
    await e2e.shot('1-add-form');
    await page.locator('[data-testid=source-save]').click();
    await page.locator('[data-testid=source-reader]:not([hidden])').waitFor(WRITE);
    expect(await page.locator('[data-testid=source-title-heading]').textContent()).toBe(
      'Council names interim chief executive',
    );
    expect(
      existsSync(path.join(seedsDir, 'documents', '2025-03-03-council-names-interim-chief-executive.txt')),
    ).toBe(true);
    // The repository's own seeds are untouched.
    expect(
      existsSync(
        path.join(PROJECT_ROOT, 'seeds', 'documents', '2025-03-03-council-names-interim-chief-executive.txt'),
      ),
    ).toBe(false);
  });

  it('highlights known names and offers the attestation, pre-filled', async () => {
    const suggestion = page.locator('[data-testid=suggestion][data-person="Jane Smith"]');
    await suggestion.waitFor(T);
    expect(await suggestion.locator('blockquote').textContent()).toBe(QUOTE);
    const mentions = await page
      .locator('[data-testid=source-mention]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entityId));
    expect(mentions).toContain('org:bury-council');
    await e2e.shot('2-reader-suggestion');
  });

  it('confirms the suggestion and writes the facts file', async () => {
    await page
      .locator('[data-testid=suggestion][data-person="Jane Smith"] [data-testid=confirm-suggestion]')
      .click();
    await page.locator('[data-testid=write-done]').waitFor(WRITE);
    await page.locator('[data-testid=source-fact]').first().waitFor(T);
    const facts = await page
      .locator('[data-testid=source-fact]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.factId));
    expect(facts).toContain('person:jane-smith');
    const tenure = facts.find((f) => f?.startsWith('tenure:'));
    expect(tenure).toBeTruthy();
    const written = readFileSync(
      path.join(seedsDir, 'facts', '2025-03-03-council-names-interim-chief-executive.yaml'),
      'utf8',
    );
    expect(written).toContain(QUOTE);
    await e2e.shot('3-confirmed');
  });

  it('shows the new person accountable on the document’s date, with the quote', async () => {
    await page.locator('[data-testid=tab-explore]').click();
    const holder = page
      .locator('[data-testid=accountability-panel] [data-testid=holder]')
      .filter({ hasText: 'Jane Smith' });
    await holder.waitFor(T);
    await holder.locator('summary').click();
    expect(await holder.textContent()).toContain(QUOTE);
    await e2e.shot('4-accountable');
  });

  it('retracts the tenure, and the person is no longer accountable', async () => {
    await page.locator('[data-testid=tab-sources]').click();
    const tenure = page.locator('[data-testid=source-fact][data-fact-id^="tenure:"]');
    await tenure.locator('[data-testid=fact-retract]').click();
    await page
      .locator('[data-testid=source-fact][data-fact-id^="tenure:"]')
      .waitFor({ ...T, state: 'detached' });
    await e2e.shot('5-retracted');
    await page.locator('[data-testid=tab-explore]').click();
    const names = async () =>
      ((await page.locator('[data-testid=accountability-panel]').textContent()) ?? '').includes('Jane Smith');
    await expect.poll(names, T).toBe(false);
    const holders = await accountableNames();
    expect(holders.join('\n')).not.toContain('Jane Smith');
    await e2e.shot('6-gone');
  });
});
