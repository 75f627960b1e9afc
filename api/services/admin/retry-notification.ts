/**
 * An administrator sends a failed notification again: it goes back to pending, due now, and the
 * sender picks it up. Only a failed one (409 otherwise): a pending or sent one must not go twice.
 */
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, auditChange, checked, isUuid, type AdminActor } from './admin-actor';
import { adminNotification } from './find-notifications';

export async function retryNotification(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.notification.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'Notification', row, id);
  assertAllowed(actor.ability, 'retry', checked('Notification', before));
  const { count } = await db.notification.updateMany({
    where: { id, state: 'failed' },
    data: { state: 'pending', nextAttemptAt: new Date() },
  });
  if (count === 0) throw new AppError('WRONG_STATE');
  await auditChange(db, actor, {
    action: 'notification.retry',
    subjectType: 'Notification',
    subjectId: id,
    details: { attempts: before.attempts, lastError: before.lastError },
  });
  return adminNotification(await db.notification.findUniqueOrThrow({ where: { id } }));
}
