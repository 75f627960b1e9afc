/**
 * An outbox row for a subscriber, in the form its channel carries: the whole text by email (with
 * the one-click unsubscribe header), the short text by SMS and Zalo, a title, the short text and
 * the route a click opens by Web Push (notifications/push-payload.ts).
 */
import type { Prisma, Subscription } from '../prisma/generated/client';
import { messageLinks } from './links';
import { localeOf } from './render';
import { pushPayload } from './push-payload';

export function subscriptionMessage(
  subscription: Pick<Subscription, 'channel' | 'address' | 'locale' | 'unsubscribeToken'>,
  message: {
    dedupeKey: string;
    event: string;
    text: { subject: string; body: string; shortBody: string };
    /** What a click on a push notification opens. */
    link: string;
  },
  publicBaseUrl: string,
): Prisma.NotificationCreateManyInput {
  const { channel, address } = subscription;
  const body =
    channel === 'email'
      ? message.text.body
      : channel === 'web_push'
        ? pushPayload({
            title: message.text.subject,
            body: message.text.shortBody,
            url: message.link,
            tag: message.event,
          })
        : message.text.shortBody;
  return {
    dedupeKey: message.dedupeKey,
    event: message.event,
    channel,
    recipient: address,
    recipientKind: 'citizen',
    locale: localeOf(subscription.locale),
    subject: message.text.subject,
    body,
    unsubscribe: messageLinks(publicBaseUrl).unsubscribe(subscription.unsubscribeToken),
  };
}
