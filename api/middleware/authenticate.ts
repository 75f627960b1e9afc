/**
 * The one gate of the back office: every /api/admin route passes here. It resolves the session
 * cookie to the official and builds their CASL ability once per request, so routes and services
 * only ask `req.auth.ability.can(...)` and filter lists with `accessibleBy(req.auth.ability)`.
 */
import type { RequestHandler } from 'express';
import { defineAbilityFor, type AppAbility, type Principal } from '../../domain/abilities';
import { AppError } from '../../platform/app-error';
import { SESSION_COOKIE } from '../auth/session-token';
import { findOfficialSession, type OfficialSession } from '../services/find-official-session';
import type { LogInDependencies } from '../services/log-in';

export interface OfficialAuth extends OfficialSession {
  principal: Principal;
  ability: AppAbility;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      auth?: OfficialAuth;
    }
  }
}

export function principalOf(session: OfficialSession): Principal {
  return {
    kind: 'official',
    userId: session.user.id,
    memberships: session.memberships.map(({ unitId, unitKind, role }) => ({ unitId, unitKind, role })),
  };
}

export function officialAuth(session: OfficialSession): OfficialAuth {
  const principal = principalOf(session);
  return { ...session, principal, ability: defineAbilityFor(principal) };
}

/** Attaches `req.auth` when the request carries a live session; refuses nothing by itself. */
export function authenticate(deps: LogInDependencies): RequestHandler {
  return async (req, _res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token) {
      const session = await findOfficialSession(deps, token, new Date());
      if (session) req.auth = officialAuth(session);
    }
    next();
  };
}

/** 401 without a session. With `allowPasswordChange: false` (the default), an account that must
 * change its password may do nothing else first. */
export function requireOfficial({ allowPendingPasswordChange = false } = {}): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) throw new AppError('UNAUTHENTICATED');
    if (req.auth.user.mustChangePassword && !allowPendingPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    next();
  };
}

export function authOf(req: Express.Request): OfficialAuth {
  if (!req.auth) throw new AppError('UNAUTHENTICATED');
  return req.auth;
}
