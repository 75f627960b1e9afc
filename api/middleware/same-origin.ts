/**
 * Cross-site request forgery: the back office's state-changing requests (POST, PUT, PATCH, DELETE
 * under /api/admin and /api/auth) are accepted only from the platform's own pages. The browser
 * says where a request comes from in `Origin` (or, without it, `Referer`), which a page cannot
 * forge; it must be PUBLIC_BASE_URL's origin, one of BACK_OFFICE_ORIGINS, or the origin the request
 * was sent to (the back office opened at a LAN address). The SameSite=Strict cookie keeps other
 * sites out already; this check also keeps out sites of the same registrable domain (a sibling
 * subdomain is "same-site") and browsers that ignore SameSite.
 *
 * A request with neither header is let through: every browser the back office supports sends
 * `Origin` with these methods, so such a request comes from a script or a tool holding its own
 * cookie, not from a page another site made a browser send (docs/security.md). `Origin: null`
 * (a sandboxed or privacy-stripped page) is refused.
 */
import type { Request, RequestHandler } from 'express';
import { AppError } from '../../platform/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the browser reports, from Origin or else Referer; undefined when it sent neither. */
function claimedOrigin(req: Request): string | undefined {
  const origin = req.get('Origin');
  if (origin !== undefined) return origin.trim();
  const referer = req.get('Referer');
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

export function sameOriginWrites(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins.map((o) => new URL(o).origin));
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = claimedOrigin(req);
    if (origin === undefined || allowed.has(origin) || origin === `${req.protocol}://${req.host}`) return next();
    req.log?.warn({ origin, method: req.method, path: req.originalUrl }, 'cross-origin write refused');
    next(new AppError('CROSS_ORIGIN_REFUSED'));
  };
}
