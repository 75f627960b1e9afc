import type { Db } from '../../../platform/db';
import { assertReadable, isUuid, type AdminActor } from './admin-actor';
import { adminNotification } from './find-notifications';

export async function getNotification(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.notification.findUnique({ where: { id } }) : null;
  return adminNotification(assertReadable(actor.ability, 'Notification', row, id));
}
