import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const here = fileURLToPath(new URL('.', import.meta.url));

// Built into dist/web and served by the standalone process on the API's port; in development the
// Vite server proxies /api to a backend (API_TARGET, default the standalone's usual port).
// apps/web/package.json says "type": "module", so Vite loads this file as the ES module it is.
export default defineConfig({
  root: here,
  base: '/',
  plugins: [
    react(),
    // Every text asset also as .gz and .br next to it, compressed once at build time at the highest
    // levels; the server picks one by Accept-Encoding and never compresses per request.
    compression({
      algorithms: [defineAlgorithm('gzip', { level: 9 }), defineAlgorithm('brotliCompress')],
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Pages are loaded per route (React.lazy), ECharts only by the pages with charts: the bundler
    // splits the rest by what each route imports, so no hand-made vendor chunks.
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: process.env.API_TARGET ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    proxy: { '/api': { target: process.env.API_TARGET ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
