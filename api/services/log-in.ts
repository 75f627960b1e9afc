/**
 * An official logs in: password checked with argon2id, consecutive failures lock the account
 * with back-off (domain/login-lockout.ts), success opens a server-side session.
 */
import { lockedUntilAfter, minutesLeft } from '../../domain/login-lockout';
import { AppError } from '../../platform/app-error';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from '../../platform/passwords';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import { recordAudit } from './record-audit';
import { sameIgnoringCase } from './text-match';

export interface LogInDependencies {
  db: Db;
  config: Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_MAX_HOURS'>;
}

export interface LogInCommand {
  username: string;
  password: string;
  ip?: string;
  userAgent?: string;
  requestId?: string;
  now: Date;
}

export interface LoggedIn {
  token: string;
  userId: string;
  expiresAt: Date;
}

export async function logIn({ db, config }: LogInDependencies, command: LogInCommand): Promise<LoggedIn> {
  const { now } = command;
  const audit = { subjectType: 'User', ip: command.ip ?? null, requestId: command.requestId ?? null };
  // Usernames are matched without regard to case: "sxd.leader" is "SXD.leader".
  const user = await db.user.findFirst({
    where: { username: sameIgnoringCase(command.username.trim()) },
  });
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), command.password); // same time as for a real account
    await recordAudit(db, {
      ...audit,
      actorKind: 'official',
      action: 'login_failed',
      details: { username: command.username.slice(0, 100), reason: 'unknown_user' },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }

  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, {
      ...audit,
      actorKind: 'official',
      actorId: user.id,
      subjectId: user.id,
      action: 'login_refused',
      details: { reason: 'locked' },
    });
    throw lockedError(user.lockedUntil, now);
  }

  if (!(await verifyPassword(user.passwordHash, command.password))) {
    // Counted atomically, so parallel guesses cannot slip under the threshold.
    const { failedLogins } = await db.user.update({
      where: { id: user.id },
      data: { failedLogins: { increment: 1 } },
      select: { failedLogins: true },
    });
    const lockedUntil = lockedUntilAfter(failedLogins, now);
    if (lockedUntil) await db.user.update({ where: { id: user.id }, data: { lockedUntil } });
    await recordAudit(db, {
      ...audit,
      actorKind: 'official',
      actorId: user.id,
      subjectId: user.id,
      action: 'login_failed',
      details: {
        reason: 'wrong_password',
        failedLogins,
        ...(lockedUntil && { lockedUntil: lockedUntil.toISOString() }),
      },
    });
    throw lockedUntil ? lockedError(lockedUntil, now) : new AppError('INVALID_CREDENTIALS');
  }

  if (!user.active) {
    await recordAudit(db, {
      ...audit,
      actorKind: 'official',
      actorId: user.id,
      subjectId: user.id,
      action: 'login_refused',
      details: { reason: 'disabled' },
    });
    throw new AppError('ACCOUNT_DISABLED');
  }

  const token = newSessionToken();
  const expiresAt = sessionExpiry(config, now, now);
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(command.password) : undefined;
  await db.$transaction([
    db.user.update({
      where: { id: user.id },
      data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now, ...(rehashed && { passwordHash: rehashed }) },
    }),
    db.session.create({
      data: {
        tokenHash: hashSessionToken(token),
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: command.ip ?? null,
        userAgent: command.userAgent?.slice(0, 300) ?? null,
      },
    }),
    db.auditLog.create({
      data: { ...audit, actorKind: 'official', actorId: user.id, subjectId: user.id, action: 'login' },
    }),
  ]);
  return { token, userId: user.id, expiresAt };
}

/** A session ends after the idle time, and never later than the maximum after login. */
export function sessionExpiry(config: LogInDependencies['config'], createdAt: Date, lastSeenAt: Date): Date {
  const idle = lastSeenAt.getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  const absolute = createdAt.getTime() + config.SESSION_MAX_HOURS * 3_600_000;
  return new Date(Math.min(idle, absolute));
}

function lockedError(lockedUntil: Date, now: Date): AppError {
  const minutes = minutesLeft(lockedUntil, now);
  return new AppError('ACCOUNT_LOCKED', {
    minutes,
    retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000),
  });
}
