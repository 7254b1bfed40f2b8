import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

/**
 * A blank address (no query) opens on the opening view, so the page asks the browser to fetch
 * GET /api/opening at once, while the scripts are still arriving and compiling; the client's own
 * request for it (the same URL, mode and credentials) is answered from that fetch.
 */
export const OPENING_PRELOAD =
  '<link rel="preload" href="/api/opening" as="fetch" crossorigin="anonymous" />';

/**
 * The client's one page, with a fresh nonce each time: the policy allows a `<style>` element only
 * when it carries it. The code editor (CodeMirror) can only style itself through one such element,
 * so the page names the nonce in a meta tag and the client hands it over (client/src/main.ts).
 * Nothing inline is allowed for scripts, and no style attribute anywhere. A blank address also
 * gets OPENING_PRELOAD.
 */
export function indexPage(staticDir: string): RequestHandler {
  let template: Promise<string> | undefined;
  return async (req, res) => {
    template ??= readFile(path.join(staticDir, 'index.html'), 'utf8');
    const nonce = randomBytes(16).toString('base64');
    const blank = !req.originalUrl.includes('?');
    const html = (await template).replace(
      '<head>',
      `<head>\n    <meta name="csp-nonce" content="${nonce}" />${blank ? `\n    ${OPENING_PRELOAD}` : ''}`,
    );
    res.setHeader(
      'Content-Security-Policy',
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(html);
  };
}
