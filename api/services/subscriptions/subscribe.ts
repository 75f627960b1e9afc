/**
 * A citizen subscribes to urgent announcements of an area (POST /api/v1/subscriptions) by email
 * or SMS: communes (none: the whole province), optionally kinds, a language. Double opt-in: the
 * address gets a confirmation message with a confirm link and an unsubscribe link; alerts go
 * only to confirmed subscriptions. The answer is the same whether the address was known or not
 * (nobody learns who subscribed), and a confirmed subscription is not changed by this request
 * (anyone may send it): to change areas, unsubscribe with the link and subscribe again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { normalisePhone } from '../../../activities/notify-reporter';
import { messageLinks } from '../../../notifications/links';
import { localeOf } from '../../../notifications/render';
import { renderTemplate, templateFor } from '../../../notifications/templates';
import type { Db } from '../../../platform/db';
import type { Subscription } from '../../../prisma/generated/client';
import { documented } from '../../../domain/documented-schema';
import { invalid } from '../admin/admin-actor';
import { ANNOUNCEMENT_KINDS } from '../find-announcements';

const CHANNELS = ['email', 'sms'] as const;
/** What an address must be, for each channel (checked once trimmed). */
const ADDRESS_OF = {
  email: z.string().email(),
  sms: z.string().regex(/^\+?[0-9 .-]{8,20}$/),
} satisfies Record<(typeof CHANNELS)[number], z.ZodTypeAny>;

export const subscriptionInput = z
  .object({
    channel: z.enum(CHANNELS),
    address: z.string().trim().min(1).max(254),
    communeCodes: z
      .array(z.string().regex(/^\d{5}$/))
      .max(200)
      .default([])
      .transform((codes) => [...new Set(codes)]),
    kinds: z
      .array(z.enum(ANNOUNCEMENT_KINDS))
      .max(ANNOUNCEMENT_KINDS.length)
      .default([])
      .transform((kinds) => [...new Set(kinds)]),
    language: z.enum(['vi', 'en']).default('vi'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!ADDRESS_OF[s.channel].safeParse(s.address).success)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['address'], message: 'invalid_format' });
  });

documented(subscriptionInput, (toJsonSchema) => ({
  anyOf: CHANNELS.map((channel) => ({
    properties: { channel: { const: channel }, address: toJsonSchema(ADDRESS_OF[channel]) },
  })),
}));

export type SubscriptionInput = z.infer<typeof subscriptionInput>;

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export async function subscribe(db: Db, input: SubscriptionInput, publicBaseUrl: string) {
  const address = input.channel === 'email' ? input.address.toLowerCase() : normalisePhone(input.address);
  const communes = input.communeCodes.length
    ? await db.commune.findMany({ where: { code: { in: input.communeCodes } }, select: { code: true, name: true } })
    : [];
  if (communes.length !== input.communeCodes.length) throw invalid('communeCodes', 'unknown_commune');

  const existing = await db.subscription.findUnique({
    where: { channel_address: { channel: input.channel, address } },
  });
  let subscription: Subscription;
  if (existing && existing.confirmedAt && !existing.unsubscribedAt) {
    return { status: 'confirmation_sent' as const }; // confirmed already: left as it is
  } else if (existing) {
    // Pending confirmation (areas may be corrected) or unsubscribed earlier (a fresh start, new token).
    subscription = await db.subscription.update({
      where: { id: existing.id },
      data: {
        communeCodes: input.communeCodes,
        kinds: input.kinds,
        locale: input.language,
        ...(existing.unsubscribedAt && { unsubscribeToken: newToken(), unsubscribedAt: null, confirmedAt: null }),
      },
    });
  } else {
    subscription = await db.subscription
      .create({
        data: {
          channel: input.channel,
          address,
          communeCodes: input.communeCodes,
          kinds: input.kinds,
          locale: input.language,
          unsubscribeToken: newToken(),
        },
      })
      .catch(async (error: unknown) => {
        // The same address subscribed concurrently: the other request's row is the one.
        if ((error as { code?: string }).code !== 'P2002') throw error;
        return db.subscription.findUniqueOrThrow({ where: { channel_address: { channel: input.channel, address } } });
      });
  }

  const locale = localeOf(subscription.locale);
  const links = messageLinks(publicBaseUrl);
  const names = communes.map((c) => c.name).join(', ');
  const text = renderTemplate(await templateFor(db, 'subscription_confirm', locale), {
    areaNames: names || (locale === 'en' ? 'the whole province of Hà Tĩnh' : 'toàn tỉnh Hà Tĩnh'),
    confirmLink: links.confirmSubscription(subscription.unsubscribeToken),
    unsubscribeLink: links.unsubscribe(subscription.unsubscribeToken),
  });
  // One confirmation per token: asking again does not send the address another message.
  const tokenKey = createHash('sha256').update(subscription.unsubscribeToken).digest('hex').slice(0, 16);
  await db.notification.createMany({
    data: [
      {
        dedupeKey: `subscription:${subscription.id}:confirm:${tokenKey}:${subscription.channel}`,
        event: 'subscription_confirm',
        channel: subscription.channel,
        recipient: subscription.address,
        recipientKind: 'citizen',
        locale,
        subject: text.subject,
        body: subscription.channel === 'email' ? text.body : text.shortBody,
        unsubscribe: links.unsubscribe(subscription.unsubscribeToken),
      },
    ],
    skipDuplicates: true,
  });
  return { status: 'confirmation_sent' as const };
}
