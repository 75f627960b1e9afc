/**
 * "Deleting" an account disables it (active = false) and revokes its sessions: cases, tasks and
 * the audit log keep referring to the official. An administrator can enable it again (PUT).
 */
import type { Db } from '../../../platform/db';
import { auditChange, invalid, type AdminActor } from './admin-actor';
import { adminUser, findUserRow } from './find-users';
import { editableUser } from './update-user';

export async function deleteUser(db: Db, actor: AdminActor, id: string) {
  await editableUser(db, actor, id, 'delete');
  if (id === actor.userId) throw invalid('active', 'own_account');
  const now = new Date();
  const [, sessions] = await db.$transaction([
    db.user.update({ where: { id }, data: { active: false } }),
    db.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } }),
  ]);
  await auditChange(db, actor, {
    action: 'config.delete',
    subjectType: 'User',
    subjectId: id,
    details: { deactivated: true, sessionsRevoked: sessions.count },
  });
  return adminUser((await findUserRow(db, id))!);
}
