import { StyleModule } from 'style-mod';
import { z } from 'zod';

// Under the server's Content-Security-Policy: zod must not probe for eval (the probe is caught, but the
// browser reports it as a violation), and CodeMirror's one <style> element must carry the page's nonce
// (server/http/index-page.ts). Imported first by main.ts, so it runs before any schema is used.
z.config({ jitless: true });
const nonce = document.querySelector<HTMLMetaElement>('meta[name=csp-nonce]')?.content;
if (nonce) StyleModule.mount(document, [], { nonce });
