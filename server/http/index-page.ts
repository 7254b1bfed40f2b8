import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

/**
 * The client's one page, with a fresh nonce each time: the policy allows a `<style>` element only
 * when it carries it. The code editor (CodeMirror) can only style itself through one such element,
 * so the page names the nonce in a meta tag and the client hands it over (client/src/main.ts).
 * Nothing inline is allowed for scripts, and no style attribute anywhere.
 */
export function indexPage(staticDir: string): RequestHandler {
  let template: Promise<string> | undefined;
  return async (_req, res) => {
    template ??= readFile(path.join(staticDir, 'index.html'), 'utf8');
    const nonce = randomBytes(16).toString('base64');
    const html = (await template).replace(
      '<head>',
      `<head>\n    <meta name="csp-nonce" content="${nonce}" />`,
    );
    res.setHeader(
      'Content-Security-Policy',
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(html);
  };
}
