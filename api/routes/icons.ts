/**
 * GET /api/v1/icons/{name}.svg: a category's Material Symbols icon (api/services/get-icon.ts) for
 * <img> tags. Cached a month without revalidation by browsers and shared caches (the name is the
 * icon; only a package upgrade may redraw it, so a month rather than a year, and an ETag makes the
 * check after it cheap). Its own CSP, because an SVG opened on its own is a document that could
 * run script: this one may load and run nothing.
 */
import { Router } from 'express';
import { getIcon } from '../services/get-icon';

const MONTH_SECONDS = 30 * 24 * 3600;
const ICON_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export function iconRoutes(): Router {
  const router = Router();
  router.get('/icons/:name.svg', async (req, res) => {
    const icon = await getIcon(String(req.params.name));
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Content-Security-Policy', ICON_CSP);
    // Public pictures: partner apps on other origins may show them (helmet says same-origin).
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Cache-Control', `public, max-age=${MONTH_SECONDS}, immutable`);
    res.setHeader('ETag', icon.etag);
    // res.send answers 304 when If-None-Match carries this ETag.
    res.send(icon.svg);
  });
  return router;
}
