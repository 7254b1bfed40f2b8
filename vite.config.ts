import { defineConfig } from 'vite';

// The client lives in client/; the built files go to dist/client, which the Express server serves.
// In development, API calls are proxied to the Express server.
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
  },
});
