/**
 * The citizens' portal's built files (portal/dist, `npm run build:portal`) at /: hashed assets
 * cached for a year, index.html and the files whose names never change (the service worker,
 * the manifest, the icons) never cached without revalidation, so a new build is picked up at
 * once; index.html answers every other GET that asks for a page, where the app's router takes
 * over. Mounted last (api/app.ts), so /api, /admin, /open311 and /healthz keep their routes and
 * their 404s. Without a build, / says how to make one (503).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type Response } from 'express';
import { AppError } from '../../platform/app-error';

export const PORTAL_DIST = path.resolve(__dirname, '..', '..', 'portal', 'dist');

/** Paths that belong to the API, never to the portal's router. */
const NOT_PORTAL = /^\/(api|admin|open311|healthz|metrics)(\/|$)/;

const NOT_BUILT = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Chưa có cổng phản ánh / Portal not built</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Cổng phản ánh chưa được dựng</h1>
<p>Chạy <code>npm run build:portal</code> (hoặc <code>npm start</code>, lệnh này tự dựng) rồi tải lại trang.
Cần phản ánh ngay? Gọi đường dây nóng <a href="tel:19009038">1900 9038</a>.</p>
<h2 lang="en">The citizens' portal has not been built</h2>
<p lang="en">Run <code>npm run build:portal</code> (or <code>npm start</code>, which builds it) and reload.</p>
</body></html>`;

export function portalAppRoutes({ dir = PORTAL_DIST }: { dir?: string } = {}): Router {
  const router = Router();
  const index = path.join(dir, 'index.html');

  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d' }),
    // A missing chunk (an old build's) is a 404, never index.html parsed as JavaScript.
    (req, _res, next) => next(new AppError('NOT_FOUND', { what: req.originalUrl })),
  );

  // sw.js, manifest.webmanifest, icons: stable names, so always revalidated.
  router.use(
    express.static(dir, {
      index: false,
      dotfiles: 'ignore', // dist/.source-hash (scripts/lib/app-build.mjs) is not for the public
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );

  router.get('/{*path}', (req, res: Response, next) => {
    if (NOT_PORTAL.test(req.path)) return next();
    // A missing file (a name with an extension, or a dotfile) is a 404, not the app; a page path gets the app.
    const name = path.basename(req.path);
    if (path.extname(name) || name.startsWith('.')) return next();
    if (!existsSync(index)) {
      res.status(503).setHeader('Cache-Control', 'no-store').type('html').send(NOT_BUILT);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });

  return router;
}
