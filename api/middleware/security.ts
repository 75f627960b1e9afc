/**
 * Protections in front of the routes: security headers, CORS for the citizens' API, and rate
 * limits on what a citizen can send. Body sizes are bounded where bodies are read (JSON: 64 KB
 * in api/app.ts; multipart: the media limits of platform/config.ts).
 */
import { createHash } from 'node:crypto';
import cors from 'cors';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type RateLimitInfo } from 'express-rate-limit';
import helmet from 'helmet';
import { AppError } from '../../platform/app-error';
import type { Config } from '../../platform/config';
import { tileOrigins } from '../services/get-map-settings';

/**
 * Helmet's defaults: among them a Content-Security-Policy that allows only this origin's own
 * scripts, styles and images (the back office at /admin and the portal at / are built bundles
 * without inline scripts), no framing by others, no MIME sniffing, HSTS. Images may also come
 * from the map's tile server (MAP_TILE_URL), and from nowhere else. Outside production,
 * `upgrade-insecure-requests` is left out, so the platform opened over plain HTTP on a LAN
 * address (http://192.168.1.10:3000) still loads its own files.
 */
export function securityHeaders(
  config: Pick<Config, 'NODE_ENV' | 'MAP_TILE_URL' | 'MAP_TILE_SUBDOMAINS'>,
): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        imgSrc: ["'self'", 'data:', ...tileOrigins(config)],
        upgradeInsecureRequests: config.NODE_ENV === 'production' ? [] : null,
      },
    },
  });
}

/**
 * CORS for the citizens' API, for the configured origins only (PORTAL_ORIGINS); other origins
 * get no CORS headers, so browsers keep their pages from reading the answers. Never with
 * credentials: citizens authenticate with X-Citizen-Token, and the back office's cookie session
 * is same-origin only.
 */
export function citizenCors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Accept-Language', 'Idempotency-Key', 'X-Citizen-Token', 'X-Request-Id'],
    exposedHeaders: [
      'Content-Range',
      'X-Total-Count-Estimated',
      'Location',
      'Retry-After',
      'RateLimit',
      'RateLimit-Policy',
      'X-Request-Id',
    ],
    maxAge: 600,
  });
}

export interface RateLimitSetting {
  limit: number;
  windowMs: number;
}

export interface CitizenRateLimits {
  /** New reports per client address (POST /api/v1/reports). */
  reports: RateLimitSetting;
  /** Rating, information and withdrawal per citizen token (per address without a token). */
  citizenActions: RateLimitSetting;
  /** Sign-in code requests, and separately sign-in tries, per client address. */
  citizenSignIn: RateLimitSetting;
  /** Subscriptions to area alerts per client address (POST /api/v1/subscriptions). */
  subscriptions: RateLimitSetting;
}

const HOUR_MS = 3_600_000;

export function citizenRateLimitsFrom(
  config: Pick<
    Config,
    | 'REPORT_RATE_LIMIT_PER_HOUR'
    | 'CITIZEN_ACTION_RATE_LIMIT_PER_HOUR'
    | 'CITIZEN_SIGN_IN_RATE_LIMIT_PER_HOUR'
    | 'SUBSCRIPTION_RATE_LIMIT_PER_HOUR'
  >,
): CitizenRateLimits {
  return {
    reports: { limit: config.REPORT_RATE_LIMIT_PER_HOUR, windowMs: HOUR_MS },
    citizenActions: { limit: config.CITIZEN_ACTION_RATE_LIMIT_PER_HOUR, windowMs: HOUR_MS },
    citizenSignIn: { limit: config.CITIZEN_SIGN_IN_RATE_LIMIT_PER_HOUR, windowMs: HOUR_MS },
    subscriptions: { limit: config.SUBSCRIPTION_RATE_LIMIT_PER_HOUR, windowMs: HOUR_MS },
  };
}

/** Too many: RATE_LIMITED (429) in our error shape, Retry-After = seconds until the window resets. */
function limiter(setting: RateLimitSetting, keyGenerator?: (req: Request) => string): RequestHandler {
  return rateLimit({
    limit: setting.limit,
    windowMs: setting.windowMs,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A client may send X-Forwarded-For; whether it counts is TRUST_PROXY's (platform/trust-proxy.ts).
    validate: { xForwardedForHeader: false },
    ...(keyGenerator && { keyGenerator }),
    handler: (req, _res, next) => {
      const reset = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit?.resetTime;
      const seconds = reset ? Math.ceil((reset.getTime() - Date.now()) / 1000) : Math.ceil(setting.windowMs / 1000);
      next(new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, seconds) }));
    },
  });
}

/**
 * The limiters citizens' requests pass. Counters live in this process's memory: with several
 * API replicas each counts on its own (a replica-shared store is a drop-in for express-rate-limit
 * when that matters). Addresses are those Express trusts (TRUST_PROXY, platform/trust-proxy.ts).
 */
export function citizenRateLimiters(limits: CitizenRateLimits) {
  return {
    reports: limiter(limits.reports),
    // Keyed by a hash of the token: the token itself never sits in memory as a map key.
    citizenActions: limiter(limits.citizenActions, (req) => {
      const token = req.get('X-Citizen-Token')?.trim();
      if (token) return `token:${createHash('sha256').update(token).digest('base64url')}`;
      return `ip:${ipKeyGenerator(req.ip ?? '')}`;
    }),
    signInCodes: limiter(limits.citizenSignIn),
    signIns: limiter(limits.citizenSignIn),
    subscriptions: limiter(limits.subscriptions),
  };
}
