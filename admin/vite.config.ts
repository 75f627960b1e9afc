/**
 * The back office's build: `npm run build:admin` (= vite build --config admin/vite.config.ts).
 * The API serves admin/dist at /admin (api/routes/admin-app.ts). Vite 8 transforms JSX itself
 * (Oxc), so no React plugin is needed. Chunks: React, MUI and react-admin are split into their own
 * long-cached vendor files, and every screen behind the login is loaded on demand, so the login
 * page needs only the vendor files and a small entry; bpmn-js and recharts, each used by lazy
 * screens only, are loaded with them.
 */
import { defineConfig } from 'vite';

// No node: imports, so `tsc -p admin` checks this file with the browser's types.
const root = decodeURIComponent(new URL('./', import.meta.url).pathname);

export default defineConfig({
  root,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // MUI marks its modules "use client" (React Server Components); meaningless in this SPA.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        codeSplitting: {
          groups: [
            {
              // bpmn-js and its own dependencies: reached only by the dynamic import of
              // src/process/bpmnViewer.ts (Process page, case Diagram tab), never by the entry.
              name: 'bpmn',
              test: /node_modules[\\/](bpmn-js|bpmn-moddle|diagram-js|diagram-js-direct-editing|moddle|moddle-xml|saxen|min-dash|min-dom|tiny-svg|didi|object-refs|path-intersection|ids|hat|inherits-browser|@bpmn-io|htm|preact)[\\/]/,
              priority: 40,
            },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 30,
            },
            {
              name: 'mui',
              test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis)[\\/]/,
              priority: 20,
            },
            {
              // Everything else from node_modules, but recharts and the packages only it uses: those
              // stay with the statistics dashboard's lazy chunk (src/dashboard/HomePage.tsx), so no
              // other screen loads them. (A group of their own would pull React into it: a group
              // takes its modules' dependencies along.)
              name: 'react-admin',
              test: /node_modules[\\/](?!(recharts|victory-vendor|d3-[^\\/]+|internmap|decimal\.js-light|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|tiny-invariant)[\\/])/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
