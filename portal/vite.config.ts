/**
 * The citizens' portal: `npm run build:portal` (= vite build --config portal/vite.config.ts).
 * The API serves portal/dist at / (api/routes/portal-app.ts). Vite 8 transforms JSX itself (Oxc),
 * so no React plugin is needed. React and the router go to one long-cached vendor chunk; every
 * screen but the home page is loaded on demand, so the first screen stays small (measured by
 * tests/portal-size.test.ts). public/ (manifest, icons, the service worker) is copied as is.
 */
import { defineConfig } from 'vite';

// No node: imports, so `tsc -p portal` checks this file with the browser's types.
const root = decodeURIComponent(new URL('./', import.meta.url).pathname);

export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    sourcemap: false,
    // Every file of the build, for the service worker to keep the whole app offline (public/sw.js).
    manifest: 'asset-manifest.json',
    target: 'es2022',
    rolldownOptions: {
      // react-router marks its modules "use client" (React Server Components); meaningless here.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
