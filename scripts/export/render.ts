import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ExportAutomation } from '../../client/src/export/automation.ts';
import type { ImageRequest } from '../../client/src/export/exporter.ts';
import type { LinkState } from '../../client/src/state/link-state.ts';
import { CHROMIUM_PATH, launchChromium } from '../chromium.ts';

/**
 * Draws an image with the built client in headless Chromium: the page opens on the app the CLI
 * serves, shows the view (or opens the saved view, positions included), waits for it to settle,
 * and hands back the same file the Export menu would have downloaded.
 */

export function checkBrowserReady(clientDir: string): void {
  if (!existsSync(path.join(clientDir, 'index.html')))
    throw new Error(`The client is not built (no ${clientDir}/index.html): run \`npx vite build\` first`);
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH`);
}

type Hook = { __agExport: ExportAutomation };

export async function renderImage(options: {
  baseUrl: string;
  link: LinkState;
  savedViewId?: string;
  request: ImageRequest;
  viewport?: { width: number; height: number };
}): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A link naming a node skips the opening; the link itself is then shown through the hook.
    const first = options.link.pinned[0] ?? options.link.expansions[0]?.id;
    await page.goto(`${options.baseUrl}/${first ? `?node=${encodeURIComponent(first)}` : ''}`);
    await page.waitForFunction(() => '__agExport' in window, undefined, { timeout: 30_000 });
    await page.evaluate((link) => (window as unknown as Hook).__agExport.show(link), options.link);
    if (options.savedViewId)
      await page.evaluate(
        (id) => (window as unknown as Hook).__agExport.openSavedView(id),
        options.savedViewId,
      );
    await page.evaluate(() => (window as unknown as Hook).__agExport.settled(60_000));
    const file = await page.evaluate(
      (request) => (window as unknown as Hook).__agExport.image(request),
      options.request,
    );
    if (errors.length > 0) throw new Error(`The page raised errors: ${errors.join('; ')}`);
    return Buffer.from(file.base64, 'base64');
  } finally {
    await browser.close();
  }
}
