/**
 * Publishing an announcement (POST /api/admin/announcements/:id/publish) makes it public at once
 * (GET /api/v1/announcements, within its validity window) and, for a critical disaster post,
 * writes the alerts of its area's subscribers to the outbox (notifications/announcement-alerts.ts).
 * Publishing again is harmless: the alerts are keyed, only missing ones are added (a crash
 * half-way through a long list is finished this way). Unpublishing withdraws it and cancels its
 * alerts not sent yet.
 */
import { queueAnnouncementAlerts } from '../../../notifications/announcement-alerts';
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, auditChange, checked, isUuid, type AdminActor } from '../admin/admin-actor';
import { adminAnnouncement } from './find-admin-announcements';

async function writable(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.announcement.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'Announcement', row, id);
  assertAllowed(actor.ability, 'update', checked('Announcement', before));
  return before;
}

export async function publishAnnouncement(db: Db, actor: AdminActor, id: string, publicBaseUrl: string) {
  const before = await writable(db, actor, id);
  const row = before.publishedAt
    ? before
    : await db.announcement.update({ where: { id }, data: { publishedAt: new Date() } });
  if (!before.publishedAt)
    await auditChange(db, actor, { action: 'announcement.publish', subjectType: 'Announcement', subjectId: id });
  const unit = await db.unit.findUniqueOrThrow({ where: { id: row.unitId }, select: { name: true, nameEn: true } });
  const alertsQueued = await queueAnnouncementAlerts(db, { ...row, unit }, publicBaseUrl);
  return { ...adminAnnouncement(row), alertsQueued };
}

export async function unpublishAnnouncement(db: Db, actor: AdminActor, id: string) {
  const before = await writable(db, actor, id);
  if (!before.publishedAt) return { ...adminAnnouncement(before), alertsCancelled: 0 };
  const row = await db.announcement.update({ where: { id }, data: { publishedAt: null } });
  const { count } = await db.notification.updateMany({
    where: { dedupeKey: { startsWith: `announcement:${id}:` }, state: 'pending' },
    data: { state: 'cancelled' },
  });
  await auditChange(db, actor, {
    action: 'announcement.unpublish',
    subjectType: 'Announcement',
    subjectId: id,
    details: { alertsCancelled: count },
  });
  return { ...adminAnnouncement(row), alertsCancelled: count };
}
