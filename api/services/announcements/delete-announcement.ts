/** Supervisors and administrators delete an announcement (leaders unpublish theirs instead). */
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, auditChange, checked, isUuid, type AdminActor } from '../admin/admin-actor';
import { adminAnnouncement } from './find-admin-announcements';

export async function deleteAnnouncement(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.announcement.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'Announcement', row, id);
  assertAllowed(actor.ability, 'delete', checked('Announcement', before));
  await db.notification.updateMany({
    where: { dedupeKey: { startsWith: `announcement:${id}:` }, state: 'pending' },
    data: { state: 'cancelled' },
  });
  await db.announcement.delete({ where: { id } });
  await auditChange(db, actor, {
    action: 'announcement.delete',
    subjectType: 'Announcement',
    subjectId: id,
    details: { titleVi: before.titleVi },
  });
  return adminAnnouncement(before);
}
