/**
 * An official changes their password: the current one is checked, the new one must be long enough
 * and different, and every other session of the account is revoked (a stolen cookie dies with
 * the old password).
 */
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../../platform/passwords';
import { recordAudit } from './record-audit';

export interface ChangePasswordCommand {
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  ip?: string;
  now: Date;
}

export async function changePassword(db: Db, command: ChangePasswordCommand): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: command.userId } });
  if (!(await verifyPassword(user.passwordHash, command.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', {}, { currentPassword: { code: 'wrong_password' } });
  }
  if (command.newPassword.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      { newPassword: { code: 'too_short', params: { minimum: MIN_PASSWORD_LENGTH } } },
    );
  }
  if (command.newPassword === command.currentPassword) {
    throw new AppError('VALIDATION_FAILED', {}, { newPassword: { code: 'password_unchanged' } });
  }
  if (command.newPassword.toLowerCase().includes(user.username.toLowerCase())) {
    throw new AppError('VALIDATION_FAILED', {}, { newPassword: { code: 'password_like_username' } });
  }
  const passwordHash = await hashPassword(command.newPassword);
  await db.$transaction([
    db.user.update({
      where: { id: user.id },
      data: {
        passwordHash,
        passwordChangedAt: command.now,
        mustChangePassword: false,
        failedLogins: 0,
        lockedUntil: null,
      },
    }),
    db.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: command.sessionId } },
      data: { revokedAt: command.now },
    }),
  ]);
  await recordAudit(db, {
    actorKind: 'official',
    actorId: user.id,
    action: 'password_changed',
    subjectType: 'User',
    subjectId: user.id,
    ip: command.ip ?? null,
  });
}
