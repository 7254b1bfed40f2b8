import { defineConfig } from 'vite';
import { precompress } from './scripts/build/precompress.ts';

// The client lives in client/; the built files go to dist/client, which the Express server serves,
// each script and style sheet with Brotli and gzip copies beside it (scripts/build/precompress.ts).
// In development, API calls are proxied to the Express server.
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  plugins: [precompress()],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
  },
});
