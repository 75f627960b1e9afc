/**
 * What the token in every subscription message does: confirm (GET
 * /api/v1/subscriptions/confirm?token=…), manage (the portal's /alerts?token=…, through GET and
 * PUT /api/v1/subscriptions/manage?token=…) and one-click unsubscribe (GET or POST
 * /api/v1/subscriptions/unsubscribe?token=…; the POST is RFC 8058's List-Unsubscribe-Post).
 * Confirming and unsubscribing are idempotent; an unsubscribed address's alerts not yet sent are
 * cancelled. Unknown tokens: null or 404.
 */
import { z } from 'zod';
import { localeOf } from '../../../notifications/render';
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import type { Subscription } from '../../../prisma/generated/client';
import { communesOf, subscriptionChoice } from './subscribe';

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

/** The subscription as its holder sees it on the portal's manage page (GET/PUT …/subscriptions/manage). */
export interface SubscriptionView {
  channel: Subscription['channel'];
  /** Partly hidden: the link may be forwarded, the address is not repeated whole. */
  address: string;
  communeCodes: string[];
  topics: Subscription['topics'];
  kinds: Subscription['kinds'];
  language: 'vi' | 'en';
  state: 'pending' | SubscriptionState;
}

export const subscriptionChange = z.object(subscriptionChoice).strict();
export type SubscriptionChange = z.infer<typeof subscriptionChange>;

export function maskAddress(channel: Subscription['channel'], address: string): string {
  if (channel === 'email') {
    const [name = '', domain = ''] = address.split('@');
    return `${name.slice(0, 2)}${'*'.repeat(Math.max(1, name.length - 2))}@${domain}`;
  }
  if (channel === 'web_push') return new URL(address).host;
  return `${'*'.repeat(Math.max(0, address.length - 3))}${address.slice(-3)}`;
}

function view(s: Subscription): SubscriptionView {
  return {
    channel: s.channel,
    address: maskAddress(s.channel, s.address),
    communeCodes: s.communeCodes,
    topics: s.topics,
    kinds: s.kinds,
    language: localeOf(s.locale),
    state: s.unsubscribedAt ? 'unsubscribed' : s.confirmedAt ? 'confirmed' : 'pending',
  };
}

async function byToken(db: Db, token: string): Promise<Subscription> {
  const s = token ? await db.subscription.findUnique({ where: { unsubscribeToken: token } }) : null;
  if (!s) throw new AppError('NOT_FOUND', { what: 'subscription' });
  return s;
}

export async function getSubscription(db: Db, token: string): Promise<SubscriptionView> {
  return view(await byToken(db, token));
}

/**
 * The holder of the token changes what they receive. An unsubscribed subscription is not brought
 * back this way (409): subscribing again starts a new confirmation.
 */
export async function changeSubscription(db: Db, token: string, change: SubscriptionChange): Promise<SubscriptionView> {
  const s = await byToken(db, token);
  if (s.unsubscribedAt) throw new AppError('WRONG_STATE');
  await communesOf(db, change.communeCodes);
  const updated = await db.subscription.update({
    where: { id: s.id },
    data: { communeCodes: change.communeCodes, topics: change.topics, kinds: change.kinds, locale: change.language },
  });
  return view(updated);
}
