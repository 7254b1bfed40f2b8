// An imported Popolo file, as a newcomer meets it in the explorer: its membership rests on sources
// cited by address only, and the explorer says so wherever it shows them (the accountability panel's
// holder, the relationship's details and its line on the canvas), never as a quote and never as more
// than "possible".
// The import writes to a temporary copy of the seeds folder, never the repository's.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../graph/load/load-seeds.ts';
import { importPopolo } from '../scripts/import/popolo.ts';
import { PROJECT_ROOT } from '../test/graph-helpers.ts';
import { PARISH_MINUTES, PARISH_ORG, PARISH_POPOLO, PARISH_TENURE } from '../test/popolo-parish.ts';
import { type E2E, startE2E } from './harness.ts';

const T = { timeout: 20_000 };
const ORG = PARISH_ORG;
const TENURE = PARISH_TENURE;
const MINUTES = PARISH_MINUTES;
const POPOLO = PARISH_POPOLO;

let e2e: E2E;
let page: Page;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'import-e2e-'));
  const seedsDir = path.join(root, 'seeds');
  cpSync(path.join(PROJECT_ROOT, 'seeds'), seedsDir, { recursive: true });
  const file = path.join(root, 'parish.popolo.json');
  writeFileSync(file, JSON.stringify(POPOLO));
  const imported = importPopolo({ root, seedsDir, file });
  expect(imported.problems).toEqual([]);
  e2e = await startE2E('import', { seedsDir });
  await loadSeeds(e2e.graph, root, { seedsDir });
  page = e2e.page;
});

afterAll(async () => {
  await e2e?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('an imported Popolo file in the explorer', () => {
  it('names the imported clerk as possibly in post, resting on a source cited by URL, not quoted', async () => {
    await page.goto(`${e2e.server.url}/?node=${ORG}&at=2019-06-01`);
    const holder = page.locator('[data-testid=accountability-panel] [data-testid=holder]', {
      hasText: 'Alex Example',
    });
    await holder.waitFor(T);
    await expect(holder.textContent()).resolves.toMatch(/possibl/i);
    await holder.locator('details.quotes > summary').click();
    const cited = holder.locator('[data-testid=evidence-cited]');
    await expect(cited.textContent(T)).resolves.toContain('cited by URL, not quoted');
    await expect(cited.textContent()).resolves.toContain(MINUTES);
    // Never shown as a quote.
    expect(await holder.locator('blockquote').count()).toBe(0);
    await e2e.shot('holder');
  });

  it("shows the relationship's details with the citation marked as weaker evidence", async () => {
    await page.goto(`${e2e.server.url}/?edge=${TENURE}&x=post:clerk&at=2019-06-01`);
    const cited = page.locator('[data-testid=edge-details] [data-testid=evidence-cited]').first();
    await expect(cited.textContent(T)).resolves.toContain('cited by URL, not quoted');
    // On the canvas it is drawn as possible, and named so in the canvas's list of what is drawn.
    await page.locator('[data-testid=canvas-list-toggle]').click();
    const item = page.locator('[data-testid=canvas-list-item][data-node-id="person:alex-example"]');
    await expect(item.locator('xpath=..').textContent(T)).resolves.toContain(
      'possibly holds · cited by URL, not quoted',
    );
    await e2e.shot('relationship');
  });
});
