import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { OPENING_ANSWER_ELEMENT_ID } from '../../graph/contract/opening-answer.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

/**
 * When the opening's answer is not ready in time, a blank address asks the browser to fetch
 * GET /api/opening at once instead, while the scripts are still arriving and compiling; the
 * client's own request for it (the same URL, mode and credentials) is answered from that fetch.
 */
export const OPENING_PRELOAD =
  '<link rel="preload" href="/api/opening" as="fetch" crossorigin="anonymous" />';

/**
 * How long the page waits for the opening's answer. A kept answer costs one read of the switch
 * marker (server/opening/opening-cache.ts); working it out afresh takes longer, and right after
 * Neo4j starts much longer, and then the page goes out with OPENING_PRELOAD instead.
 */
export const OPENING_WAIT_MS = 1_000;

export interface IndexPageOptions {
  /** GET /api/opening's body, as that endpoint sends it. */
  opening?: () => Promise<string>;
  waitMs?: number;
}

/**
 * The answer as the content of a `<script type="application/json">`: a data block, never run, so
 * the policy's `script-src 'self'` does not apply to it. JSON has `<` only inside strings, where
 * `\u003c` means the same, so no `</script>` can end the element early.
 */
export function openingElement(json: string): string {
  return `<script type="application/json" id="${OPENING_ANSWER_ELEMENT_ID}">${json.replace(/</g, '\\u003c')}</script>`;
}

/** The answer if it comes within `ms`; null if it fails or is late (it goes on being worked out). */
async function within(ms: number, answer: Promise<string>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([answer.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The client's one page, with a fresh nonce each time: the policy allows a `<style>` element only
 * when it carries it. The code editor (CodeMirror) can only style itself through one such element,
 * so the page names the nonce in a meta tag and the client hands it over (client/src/main.ts).
 * Nothing inline is allowed for scripts, and no style attribute anywhere.
 *
 * A blank address opens on the opening view, so its page carries the opening's answer: the client
 * draws it as its script runs, without a request, and the browser paints no empty canvas first.
 * If the answer is not ready in time (or fails), the page goes out with OPENING_PRELOAD instead.
 */
export function indexPage(staticDir: string, options: IndexPageOptions = {}): RequestHandler {
  let template: Promise<string> | undefined;
  const waitMs = options.waitMs ?? OPENING_WAIT_MS;
  return async (req, res) => {
    template ??= readFile(path.join(staticDir, 'index.html'), 'utf8');
    const nonce = randomBytes(16).toString('base64');
    const blank = !req.originalUrl.includes('?');
    const answer = blank && options.opening ? await within(waitMs, options.opening()) : null;
    // The preload hint goes in the head, to be seen first; the answer at the end of the body, so
    // the browser meets the scripts and style sheets it must fetch before it reads the data.
    const preload = blank && answer === null ? `\n    ${OPENING_PRELOAD}` : '';
    const carried = answer === null ? '' : `  ${openingElement(answer)}\n  `;
    const html = (await template)
      .replace('<head>', `<head>\n    <meta name="csp-nonce" content="${nonce}" />${preload}`)
      .replace('</body>', `${carried}</body>`);
    res.setHeader(
      'Content-Security-Policy',
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(html);
  };
}
