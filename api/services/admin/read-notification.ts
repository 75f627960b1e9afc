/** An official marks one of their own in-app notifications as read (idempotent). */
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, checked, isUuid, type AdminActor } from './admin-actor';
import { adminNotification } from './find-notifications';
import { AppError } from '../../../platform/app-error';

export async function readNotification(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.notification.findUnique({ where: { id } }) : null;
  const notification = assertReadable(actor.ability, 'Notification', row, id);
  // Only the recipient reads it; an administrator who may update any row must not mark others'.
  if (notification.channel !== 'in_app' || notification.recipient !== actor.userId) throw new AppError('FORBIDDEN');
  assertAllowed(actor.ability, 'update', checked('Notification', notification));
  if (notification.readAt) return adminNotification(notification);
  return adminNotification(await db.notification.update({ where: { id }, data: { readAt: new Date() } }));
}
