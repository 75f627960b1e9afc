/**
 * The notification outbox for the back office. Every official reads their own in-app
 * notifications (filter `mine: true` for just those); the IOC reads the whole outbox, delivery
 * state included (its roles may read reporters' addresses, which citizen notifications carry).
 */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { Notification, Prisma } from '../../../prisma/generated/client';
import { listPage } from '../../../platform/list-total';
import type { ListQuery } from '../../list-query';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { idFilter, uuidIds } from './list-filters';

export const notificationFilter = z
  .object({
    id: idFilter.optional(),
    state: z.enum(['pending', 'sending', 'sent', 'failed', 'cancelled']).optional(),
    channel: z.enum(['email', 'sms', 'zalo', 'web_push', 'in_app']).optional(),
    caseId: z.string().uuid().optional(),
    recipient: z.string().max(200).optional(),
    event: z.string().max(100).optional(),
    /** Only the signed-in official's in-app notifications. */
    mine: z.boolean().optional(),
    /** Only those not read yet (readAt null). */
    unread: z.boolean().optional(),
  })
  .strict();

export const NOTIFICATION_SORTABLE = ['createdAt', 'state', 'channel', 'sentAt', 'attempts', 'readAt', 'id'] as const;

export async function findNotifications(
  db: Db,
  actor: AdminActor,
  query: ListQuery<z.infer<typeof notificationFilter>>,
) {
  const f = query.filter;
  const where: Prisma.NotificationWhereInput = {
    AND: [
      readableWhere(actor.ability, 'Notification'),
      {
        ...(f.id && { id: uuidIds(f.id) }),
        ...(f.state && { state: f.state }),
        ...(f.channel && { channel: f.channel }),
        ...(f.caseId && { caseId: f.caseId }),
        ...(f.recipient && { recipient: f.recipient }),
        ...(f.event && { event: f.event }),
        ...(f.unread !== undefined && { readAt: f.unread ? null : { not: null } }),
      },
      f.mine ? { channel: 'in_app', recipient: actor.userId } : {},
    ],
  };
  const page = pageOf(query);
  const { rows, total, estimated } = await listPage(
    db,
    page,
    db.notification.findMany({ where, ...page }),
    (client, take) => client.notification.count({ where, orderBy: page.orderBy, take }),
  );
  return { rows: rows.map(adminNotification), total, totalEstimated: estimated };
}

/** Listed field by field: a column added to the outbox (e.g. an unsubscribe link) is not shown by accident. */
export function adminNotification(row: Notification) {
  return {
    id: row.id,
    dedupeKey: row.dedupeKey,
    caseId: row.caseId,
    event: row.event,
    channel: row.channel,
    recipient: row.recipient,
    recipientKind: row.recipientKind,
    locale: row.locale,
    subject: row.subject,
    body: row.body,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
    readAt: row.readAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
