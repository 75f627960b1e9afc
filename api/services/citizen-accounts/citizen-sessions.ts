/**
 * A signed-in citizen's device: 256 random bits in an httpOnly cookie (SameSite=Lax, path
 * /api/v1, where the citizens' API is), the database keeping only their HMAC under APP_SECRET.
 * Revoked on sign-out; expired after CITIZEN_SESSION_DAYS. `lastSeenAt` says when it was last used
 * (to the minute: one write a minute at most, not one per request).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { CookieOptions, Request } from 'express';
import type { Config } from '../../../platform/config';
import type { Db } from '../../../platform/db';
import { servedOverHttps, SESSION_TOUCH_EVERY_MS } from '../../auth/session-token';

export const CITIZEN_SESSION_COOKIE = 'citizen_session';
export const CITIZEN_SESSION_DAYS = 90;
const DAY_MS = 86_400_000;

export function newCitizenSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashCitizenSessionToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`citizen-session:${token}`).digest('base64url');
}

export function citizenSessionExpiry(now: Date): Date {
  return new Date(now.getTime() + CITIZEN_SESSION_DAYS * DAY_MS);
}

/** Secure whenever the platform is served over HTTPS (the officials' cookie's rule, api/auth/session-token.ts). */
export function citizenCookieOptions(
  config: Pick<Config, 'NODE_ENV' | 'PUBLIC_BASE_URL'>,
  req: Pick<Request, 'secure'>,
): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: servedOverHttps(config, req),
    path: '/api/v1',
    maxAge: CITIZEN_SESSION_DAYS * DAY_MS,
  };
}

export interface SignedInCitizen {
  citizenId: string;
  sessionId: string;
  phone: string;
}

/** The citizen whose live session the request's cookie holds; undefined without one. */
export async function signedInCitizen(db: Db, secret: string, req: Request): Promise<SignedInCitizen | undefined> {
  const cookies = req.cookies as Record<string, unknown> | undefined;
  const token = cookies?.[CITIZEN_SESSION_COOKIE];
  if (typeof token !== 'string' || token.length === 0 || token.length > 100) return undefined;
  const session = await db.citizenSession.findUnique({
    where: { tokenHash: hashCitizenSessionToken(secret, token) },
    select: {
      id: true,
      citizenId: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      citizen: { select: { phone: true } },
    },
  });
  const now = new Date();
  if (!session || session.revokedAt || session.expiresAt <= now) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_EVERY_MS) {
    // Conditional: of a page's parallel requests, the first writes and the others find it fresh.
    await db.citizenSession.updateMany({
      where: { id: session.id, lastSeenAt: { lte: new Date(now.getTime() - SESSION_TOUCH_EVERY_MS) } },
      data: { lastSeenAt: now },
    });
  }
  return { citizenId: session.citizenId, sessionId: session.id, phone: session.citizen.phone ?? '' };
}
