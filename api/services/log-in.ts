/**
 * An official logs in: password checked with argon2id, consecutive failures from one client address
 * lock that address out of the account with back-off, and the account's failures from anywhere slow
 * every further attempt down (domain/login-lockout.ts); success opens a server-side session.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { lockedUntilAfter, minutesLeft, slowDownMs } from '../../domain/login-lockout';
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
  /** The client address the lockout counts by (an IPv6 address's /56); default `ip`. */
  address?: string;
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

  const address = command.address ?? command.ip ?? 'unknown';
  const lockout = { userId_address: { userId: user.id, address } };
  const locked = await db.loginLockout.findUnique({ where: lockout });
  if (locked?.lockedUntil && locked.lockedUntil > now) {
    await recordAudit(db, {
      ...audit,
      actorKind: 'official',
      actorId: user.id,
      subjectId: user.id,
      action: 'login_refused',
      details: { reason: 'locked', address },
    });
    throw lockedError(locked.lockedUntil, now);
  }

  // Every attempt waits while the account is under attack, from wherever it comes.
  const delayMs = slowDownMs(user.failedLogins);
  if (delayMs > 0) await sleep(delayMs);

  if (!(await verifyPassword(user.passwordHash, command.password))) {
    // Counted atomically, so parallel guesses cannot slip under the threshold.
    const { failedLogins } = await db.loginLockout.upsert({
      where: lockout,
      create: { userId: user.id, address, failedLogins: 1 },
      update: { failedLogins: { increment: 1 } },
      select: { failedLogins: true },
    });
    const lockedUntil = lockedUntilAfter(failedLogins, now);
    if (lockedUntil) await db.loginLockout.update({ where: lockout, data: { lockedUntil } });
    const account = await db.user.update({
      where: { id: user.id },
      data: {
        failedLogins: { increment: 1 },
        ...(lockedUntil && (!user.lockedUntil || user.lockedUntil < lockedUntil) && { lockedUntil }),
      },
      select: { failedLogins: true },
    });
    await recordAudit(db, {
      ...audit,
      actorKind: 'official',
      actorId: user.id,
      subjectId: user.id,
      action: 'login_failed',
      details: {
        reason: 'wrong_password',
        address,
        failedLogins,
        accountFailedLogins: account.failedLogins,
        ...(delayMs > 0 && { delayedMs: delayMs }),
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
  // Other addresses' locks stay: a guesser's address is not freed by the official's success.
  const otherLock = await db.loginLockout.aggregate({
    where: { userId: user.id, address: { not: address }, lockedUntil: { gt: now } },
    _max: { lockedUntil: true },
  });
  await db.$transaction([
    db.loginLockout.deleteMany({ where: { userId: user.id, address } }),
    db.user.update({
      where: { id: user.id },
      data: {
        failedLogins: 0,
        lockedUntil: otherLock._max.lockedUntil,
        lastLoginAt: now,
        ...(rehashed && { passwordHash: rehashed }),
      },
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
