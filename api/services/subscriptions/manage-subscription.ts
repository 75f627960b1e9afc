/**
 * The links in subscription messages: confirm (GET /api/v1/subscriptions/confirm?token=…) and
 * one-click unsubscribe (GET or POST /api/v1/subscriptions/unsubscribe?token=…; the POST is
 * RFC 8058's List-Unsubscribe-Post). Both are idempotent; an unsubscribed address's alerts not
 * yet sent are cancelled. Unknown tokens: null (404).
 */
import type { Db } from '../../../platform/db';

export type SubscriptionState = 'confirmed' | 'unsubscribed';

export async function confirmSubscription(db: Db, token: string): Promise<SubscriptionState | null> {
  const s = token ? await db.subscription.findUnique({ where: { unsubscribeToken: token } }) : null;
  if (!s) return null;
  if (s.unsubscribedAt) return 'unsubscribed';
  if (!s.confirmedAt) await db.subscription.update({ where: { id: s.id }, data: { confirmedAt: new Date() } });
  return 'confirmed';
}

export async function unsubscribe(db: Db, token: string): Promise<SubscriptionState | null> {
  const s = token ? await db.subscription.findUnique({ where: { unsubscribeToken: token } }) : null;
  if (!s) return null;
  if (!s.unsubscribedAt) {
    await db.subscription.update({ where: { id: s.id }, data: { unsubscribedAt: new Date() } });
    await db.notification.updateMany({
      // Every writer puts the subscription's id in its keys (notifications/README.md).
      where: { state: 'pending', dedupeKey: { contains: s.id } },
      data: { state: 'cancelled' },
    });
  }
  return 'unsubscribed';
}
