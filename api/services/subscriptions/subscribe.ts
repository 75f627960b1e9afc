/**
 * A citizen subscribes to the alerts of an area (POST /api/v1/subscriptions): communes (none: the
 * whole province), topics (announcements of some kinds, new reports, resolved reports), a
 * language, and a channel: email, SMS or Zalo (a phone number), or Web Push (this browser).
 *
 * Email, SMS and Zalo are double opt-in: the address gets a confirmation message with a confirm
 * link, a manage link and an unsubscribe link; alerts go only to confirmed subscriptions. The
 * answer is the same whether the address was known or not (nobody learns who subscribed), and a
 * confirmed subscription is not changed by this request (anyone may send it): it is changed with
 * the manage link (manage-subscription.ts). Web Push needs no confirmation (the browser's
 * permission prompt is the citizen's consent, and the endpoint is the browser's own secret): it is
 * active at once and the answer carries its token, which the portal keeps to manage it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { normalisePhone } from '../../../activities/notify-reporter';
import { messageLinks } from '../../../notifications/links';
import { isAllowedPushEndpoint } from '../../../notifications/push-endpoint';
import { localeOf } from '../../../notifications/render';
import { subscriptionMessage } from '../../../notifications/subscription-message';
import { renderTemplate, templateFor } from '../../../notifications/templates';
import type { Db } from '../../../platform/db';
import type { Subscription } from '../../../prisma/generated/client';
import { documented } from '../../../domain/documented-schema';
import { invalid } from '../admin/admin-actor';
import { ANNOUNCEMENT_KINDS } from '../find-announcements';

export const SUBSCRIPTION_CHANNELS = ['email', 'sms', 'zalo', 'web_push'] as const;
export type SubscriptionChannel = (typeof SUBSCRIPTION_CHANNELS)[number];
export const SUBSCRIPTION_TOPICS = ['announcements', 'report_new', 'report_resolved'] as const;

const PHONE = z.string().regex(/^\+?[0-9 .-]{8,20}$/);
/** What an address must be, for each channel (checked once trimmed). */
const ADDRESS_OF = {
  email: z.string().max(254).email(),
  sms: PHONE,
  zalo: PHONE,
  web_push: z
    .string()
    .max(2048)
    .url()
    .regex(/^https?:\/\//),
} satisfies Record<SubscriptionChannel, z.ZodTypeAny>;

/** The browser's keys (PushSubscription.toJSON().keys): an uncompressed P-256 point and 16 bytes, base64url. */
const pushKeys = z
  .object({
    p256dh: z.string().regex(/^B[A-Za-z0-9_-]{86}$/),
    auth: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  })
  .strict();

/** What a subscriber chooses; the same whether subscribing or changing it with the manage link. */
export const subscriptionChoice = {
  communeCodes: z
    .array(z.string().regex(/^\d{5}$/))
    .max(200)
    .default([])
    .transform((codes) => [...new Set(codes)]),
  topics: z
    .array(z.enum(SUBSCRIPTION_TOPICS))
    .min(1)
    .max(SUBSCRIPTION_TOPICS.length)
    .default(['announcements'])
    .transform((topics) => [...new Set(topics)]),
  kinds: z
    .array(z.enum(ANNOUNCEMENT_KINDS))
    .max(ANNOUNCEMENT_KINDS.length)
    .default([])
    .transform((kinds) => [...new Set(kinds)]),
  language: z.enum(['vi', 'en']).default('vi'),
};

export const subscriptionInput = z
  .object({
    channel: z.enum(SUBSCRIPTION_CHANNELS),
    address: z.string().trim().min(1).max(2048),
    keys: pushKeys.optional(),
    ...subscriptionChoice,
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!ADDRESS_OF[s.channel].safeParse(s.address).success)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['address'], message: 'invalid_format' });
    if (s.channel === 'web_push' && !s.keys)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['keys'], message: 'push_keys_required' });
    if (s.channel !== 'web_push' && s.keys)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['keys'], message: 'invalid_format' });
  });

documented(subscriptionInput, (toJsonSchema) => ({
  anyOf: SUBSCRIPTION_CHANNELS.map((channel) =>
    channel === 'web_push'
      ? { properties: { channel: { const: channel }, address: toJsonSchema(ADDRESS_OF[channel]) }, required: ['keys'] }
      : {
          properties: { channel: { const: channel }, address: toJsonSchema(ADDRESS_OF[channel]) },
          not: { required: ['keys'] },
        },
  ),
}));

export type SubscriptionInput = z.infer<typeof subscriptionInput>;

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface SubscribeSettings {
  publicBaseUrl: string;
  /** WEB_PUSH_SERVICE_HOSTS: the push services a browser's endpoint may be at. */
  pushServiceHosts: readonly string[];
}

export type SubscribeAnswer = { status: 'confirmation_sent' } | { status: 'subscribed'; token: string };

/** The address as stored: one row per person and channel. */
function addressOf(input: SubscriptionInput): string {
  if (input.channel === 'email') return input.address.toLowerCase();
  if (input.channel === 'web_push') return input.address;
  return normalisePhone(input.address);
}

export async function subscribe(
  db: Db,
  input: SubscriptionInput,
  settings: SubscribeSettings,
): Promise<SubscribeAnswer> {
  if (input.channel === 'web_push' && !isAllowedPushEndpoint(input.address, settings.pushServiceHosts))
    throw invalid('address', 'push_service_not_allowed');
  const address = addressOf(input);
  const communes = await communesOf(db, input.communeCodes);
  const choice = {
    communeCodes: input.communeCodes,
    topics: input.topics,
    kinds: input.kinds,
    locale: input.language,
  };
  if (input.channel === 'web_push') return subscribePush(db, address, input, choice);

  const existing = await db.subscription.findUnique({
    where: { channel_address: { channel: input.channel, address } },
  });
  let subscription: Subscription;
  if (existing && existing.confirmedAt && !existing.unsubscribedAt) {
    return { status: 'confirmation_sent' }; // confirmed already: changed only with the manage link
  } else if (existing) {
    // Pending confirmation (choices may be corrected) or unsubscribed earlier (a fresh start, new token).
    subscription = await db.subscription.update({
      where: { id: existing.id },
      data: {
        ...choice,
        ...(existing.unsubscribedAt && { unsubscribeToken: newToken(), unsubscribedAt: null, confirmedAt: null }),
      },
    });
  } else {
    subscription = await db.subscription
      .create({ data: { channel: input.channel, address, ...choice, unsubscribeToken: newToken() } })
      .catch(async (error: unknown) => {
        // The same address subscribed concurrently: the other request's row is the one.
        if ((error as { code?: string }).code !== 'P2002') throw error;
        return db.subscription.findUniqueOrThrow({ where: { channel_address: { channel: input.channel, address } } });
      });
  }
  await queueConfirmation(db, subscription, communes, settings.publicBaseUrl);
  return { status: 'confirmation_sent' };
}

/** The communes named, or 422 when one is not the province's. */
export async function communesOf(db: Db, codes: string[]) {
  const communes = codes.length
    ? await db.commune.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })
    : [];
  if (communes.length !== codes.length) throw invalid('communeCodes', 'unknown_commune');
  return communes;
}

/** This browser's subscription, new or renewed (new keys, new choices), active at once. */
async function subscribePush(
  db: Db,
  endpoint: string,
  input: SubscriptionInput,
  choice: Pick<Subscription, 'communeCodes' | 'topics' | 'kinds' | 'locale'>,
): Promise<SubscribeAnswer> {
  const keys = { pushP256dh: input.keys!.p256dh, pushAuth: input.keys!.auth };
  const now = new Date();
  const existing = await db.subscription.findUnique({
    where: { channel_address: { channel: 'web_push', address: endpoint } },
  });
  const subscription = existing
    ? await db.subscription.update({
        where: { id: existing.id },
        data: {
          ...choice,
          ...keys,
          ...(existing.unsubscribedAt && { unsubscribeToken: newToken(), unsubscribedAt: null }),
          confirmedAt: existing.confirmedAt && !existing.unsubscribedAt ? existing.confirmedAt : now,
        },
      })
    : await db.subscription.upsert({
        where: { channel_address: { channel: 'web_push', address: endpoint } },
        create: {
          channel: 'web_push',
          address: endpoint,
          ...choice,
          ...keys,
          unsubscribeToken: newToken(),
          confirmedAt: now,
        },
        update: { ...choice, ...keys },
      });
  return { status: 'subscribed', token: subscription.unsubscribeToken };
}

async function queueConfirmation(
  db: Db,
  subscription: Subscription,
  communes: { name: string }[],
  publicBaseUrl: string,
) {
  const locale = localeOf(subscription.locale);
  const links = messageLinks(publicBaseUrl);
  const names = communes.map((c) => c.name).join(', ');
  const text = renderTemplate(await templateFor(db, 'subscription_confirm', locale), {
    areaNames: names || (locale === 'en' ? 'the whole province of Hà Tĩnh' : 'toàn tỉnh Hà Tĩnh'),
    topics: subscription.topics.map((t) => TOPIC_LABELS[t][locale]).join(', '),
    confirmLink: links.confirmSubscription(subscription.unsubscribeToken),
    manageLink: links.manageSubscription(subscription.unsubscribeToken),
    unsubscribeLink: links.unsubscribe(subscription.unsubscribeToken),
  });
  // One confirmation per token: asking again does not send the address another message.
  const tokenKey = createHash('sha256').update(subscription.unsubscribeToken).digest('hex').slice(0, 16);
  await db.notification.createMany({
    data: [
      subscriptionMessage(
        subscription,
        {
          dedupeKey: `subscription:${subscription.id}:confirm:${tokenKey}:${subscription.channel}`,
          event: 'subscription_confirm',
          text,
          link: links.confirmSubscription(subscription.unsubscribeToken),
        },
        publicBaseUrl,
      ),
    ],
    skipDuplicates: true,
  });
}

export const TOPIC_LABELS: Record<(typeof SUBSCRIPTION_TOPICS)[number], Record<'vi' | 'en', string>> = {
  announcements: { vi: 'cảnh báo thiên tai khẩn cấp', en: 'urgent disaster alerts' },
  report_new: { vi: 'phản ánh mới', en: 'new reports' },
  report_resolved: { vi: 'phản ánh đã có kết quả', en: 'resolved reports' },
};
