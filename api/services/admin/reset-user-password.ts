/**
 * An administrator gives an official a new temporary password (forgotten, or a suspected leak):
 * shown once, to be changed at the next login; the account is unlocked and every session ends.
 */
import type { Db } from '../../../platform/db';
import { hashPassword } from '../../../platform/passwords';
import { auditChange, type AdminActor } from './admin-actor';
import { newTemporaryPassword } from './temporary-password';
import { editableUser } from './update-user';

export async function resetUserPassword(db: Db, actor: AdminActor, id: string) {
  await editableUser(db, actor, id, 'update');
  const temporaryPassword = newTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const now = new Date();
  const [, sessions] = await db.$transaction([
    db.user.update({
      where: { id },
      data: { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, passwordChangedAt: now },
    }),
    db.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } }),
    db.loginLockout.deleteMany({ where: { userId: id } }), // every address's lock
  ]);
  await auditChange(db, actor, {
    action: 'user.password_reset',
    subjectType: 'User',
    subjectId: id,
    details: { sessionsRevoked: sessions.count, unlocked: true },
  });
  return { id, temporaryPassword, mustChangePassword: true };
}
