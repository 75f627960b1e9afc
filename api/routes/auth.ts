/** Officials' login, logout, profile and password under /api/auth (docs/api-contract.md). */
import { packRules } from '@casl/ability/extra';
import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { AppError } from '../../platform/app-error';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session-token';
import { authenticate, authOf, officialAuth, requireOfficial, type OfficialAuth } from '../middleware/authenticate';
import { findOfficialSession } from '../services/find-official-session';
import { changePassword } from '../services/change-password';
import { logIn, type LogInDependencies } from '../services/log-in';
import { logOut } from '../services/log-out';
import { parseInput } from '../validation';

export const loginSchema = z
  .object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) })
  .strict();
export const passwordSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
  .strict();

export interface AuthRouteDependencies extends LogInDependencies {
  config: LogInDependencies['config'] & Parameters<typeof sessionCookieOptions>[0];
  /** Login attempts per client address and window; the per-(account, address) lockout is the real guard. */
  loginRateLimit?: { limit: number; windowMs: number };
}

export function authRoutes(deps: AuthRouteDependencies): Router {
  const router = Router();
  const { limit, windowMs } = deps.loginRateLimit ?? { limit: 30, windowMs: 60_000 };
  const loginLimiter = rateLimit({
    limit,
    windowMs,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    validate: { xForwardedForHeader: false }, // whether it counts is TRUST_PROXY's
    handler: (_req, _res, next) =>
      next(new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil(windowMs / 1000) })),
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const { username, password } = parseInput(loginSchema, req.body);
    const session = await logIn(deps, {
      username,
      password,
      ip: req.ip,
      // An IPv6 client holds a whole /56 or more: counted as one address, as the rate limits do.
      address: req.ip && ipKeyGenerator(req.ip),
      userAgent: req.get('User-Agent'),
      requestId: String(req.id),
      now: new Date(),
    });
    const official = await findOfficialSession(deps, session.token, new Date());
    if (!official) throw new Error('a session just opened cannot be found');
    res.cookie(SESSION_COOKIE, session.token, sessionCookieOptions(deps.config, req));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ user: profile(officialAuth(official)) });
  });

  router.use(authenticate(deps));

  router.post('/logout', async (req, res) => {
    if (req.auth)
      await logOut(deps.db, { sessionId: req.auth.sessionId, userId: req.auth.user.id }, new Date(), req.ip);
    res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(deps.config, req), maxAge: undefined });
    res.status(204).end();
  });

  router.get('/me', requireOfficial({ allowPendingPasswordChange: true }), (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(profile(authOf(req)));
  });

  router.post('/password', requireOfficial({ allowPendingPasswordChange: true }), async (req, res) => {
    const auth = authOf(req);
    const command = parseInput(passwordSchema, req.body);
    await changePassword(deps.db, {
      ...command,
      userId: auth.user.id,
      sessionId: auth.sessionId,
      ip: req.ip,
      now: new Date(),
    });
    res.status(204).end();
  });

  return router;
}

/** What the back office needs to know about the signed-in official (docs/api-contract.md). */
function profile(auth: OfficialAuth) {
  const units = new Map<string, { id: string; code: string; name: string; kind: string; roles: string[] }>();
  for (const m of auth.memberships) {
    const unit = units.get(m.unitId) ?? {
      id: m.unitId,
      code: m.unitCode,
      name: m.unitName,
      kind: m.unitKind,
      roles: [],
    };
    unit.roles.push(m.role);
    units.set(m.unitId, unit);
  }
  return {
    id: auth.user.id,
    username: auth.user.username,
    name: auth.user.name,
    email: auth.user.email,
    mustChangePassword: auth.user.mustChangePassword,
    roles: [...new Set(auth.memberships.map((m) => m.role))],
    units: [...units.values()],
    rules: packRules(auth.ability.rules),
  };
}
