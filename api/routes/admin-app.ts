/**
 * The back office's built files (admin/dist, `npm run build:admin`) at /admin: hashed assets
 * cached for a year (their names change with their content), index.html never cached (so a new
 * build is picked up at once) and answered for every other path under /admin, where the
 * single-page app's router takes over. Without a build, /admin says how to make one (503).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type Response } from 'express';
import { AppError } from '../../platform/app-error';

export const ADMIN_DIST = path.resolve(__dirname, '..', '..', 'admin', 'dist');

const NOT_BUILT = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Chưa có trang quản trị / Back office not built</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Trang quản trị chưa được dựng</h1>
<p>Chạy <code>npm run build:admin</code> (hoặc <code>npm start</code>, lệnh này tự dựng) rồi tải lại trang.</p>
<h2 lang="en">The back office has not been built</h2>
<p lang="en">Run <code>npm run build:admin</code> (or <code>npm start</code>, which builds it) and reload.</p>
</body></html>`;

export function adminAppRoutes({ dir = ADMIN_DIST }: { dir?: string } = {}): Router {
  const router = Router();
  const index = path.join(dir, 'index.html');

  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d' }),
    // A missing chunk (an old build's) is a 404, never index.html parsed as JavaScript.
    (req, _res, next) => next(new AppError('NOT_FOUND', { what: req.originalUrl })),
  );

  router.get('/{*path}', (_req, res: Response) => {
    // Checked per request: building while the API runs needs no restart.
    if (!existsSync(index)) {
      res.status(503).setHeader('Cache-Control', 'no-store').type('html').send(NOT_BUILT);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });

  return router;
}
