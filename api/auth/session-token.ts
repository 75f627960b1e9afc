/**
 * Officials' session tokens: 256 random bits in an httpOnly cookie; the database keeps only their
 * SHA-256, so a copy of the sessions table cannot be used to log in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions, Request } from 'express';
import type { Config } from '../../platform/config';

export const SESSION_COOKIE = 'fr_session';

/**
 * How often a session in use records it (officials' and citizens' alike): writing on every request
 * would write on every request of a page load; once a minute is enough.
 */
export const SESSION_TOUCH_EVERY_MS = 60_000;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * SameSite=Strict: the cookie never rides on a request another site starts, which is our CSRF
 * defence together with JSON-only bodies and the Origin check (api/middleware/same-origin.ts).
 * Path /api: the pages themselves never need it. Secure whenever the platform is served over
 * HTTPS: this request came over it (directly, or through a proxy TRUST_PROXY trusts), or the public
 * address is https, or in production; then the browser never sends it over plain HTTP.
 */
export function sessionCookieOptions(
  config: Pick<Config, 'NODE_ENV' | 'SESSION_MAX_HOURS' | 'PUBLIC_BASE_URL'>,
  req: Pick<Request, 'secure'>,
): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: servedOverHttps(config, req),
    path: '/api',
    maxAge: config.SESSION_MAX_HOURS * 3_600_000,
  };
}

/** Whether a cookie must be Secure: the request came over HTTPS, the public address is https, or production. */
export function servedOverHttps(
  config: Pick<Config, 'NODE_ENV' | 'PUBLIC_BASE_URL'>,
  req: Pick<Request, 'secure'>,
): boolean {
  return req.secure || config.PUBLIC_BASE_URL.startsWith('https:') || config.NODE_ENV === 'production';
}
