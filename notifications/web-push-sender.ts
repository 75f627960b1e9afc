/**
 * Web Push (RFC 8030) to a browser that subscribed on the portal: the `web-push` library encrypts
 * the payload for the browser's keys (aes128gcm, RFC 8291) and signs the VAPID header (RFC 8292);
 * the request goes out with fetch, like the gateways' (a timeout, the same error handling).
 *
 * The message's recipient is the push endpoint; its keys are the subscription's. The push
 * service's `Topic` is derived from the dedupeKey, so a copy sent again after a crash replaces the
 * first while it is still undelivered. 404 and 410 mean the browser's subscription is gone
 * (unsubscribed, expired): the subscription is ended and the error is permanent. 413 and other
 * 4xx but 408 and 429 are permanent too (the message itself is refused); 5xx, 408, 429 and network
 * errors are retried.
 */
import { createHash } from 'node:crypto';
import webPush from 'web-push';
import type { Db } from '../platform/db';
import type { Notification } from '../prisma/generated/client';
import { DeliveryError, type Sender } from './channels';
import { isAllowedPushEndpoint } from './push-endpoint';
import { parsePushPayload } from './push-payload';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export function createWebPushSender(options: {
  db: Pick<Db, 'subscription' | 'notification'>;
  vapid: VapidKeys;
  serviceHosts: readonly string[];
  timeoutMs?: number;
}): Sender {
  return async (message: Notification) => {
    const subscription = await options.db.subscription.findUnique({
      where: { channel_address: { channel: 'web_push', address: message.recipient } },
    });
    if (!subscription || subscription.unsubscribedAt || !subscription.pushP256dh || !subscription.pushAuth)
      throw new DeliveryError('push subscription ended', true);
    if (!isAllowedPushEndpoint(message.recipient, options.serviceHosts))
      throw new DeliveryError('push endpoint not on an allowed push service (WEB_PUSH_SERVICE_HOSTS)', true);

    let request: ReturnType<typeof webPush.generateRequestDetails>;
    try {
      request = webPush.generateRequestDetails(
        { endpoint: message.recipient, keys: { p256dh: subscription.pushP256dh, auth: subscription.pushAuth } },
        JSON.stringify(parsePushPayload(message.body)),
        {
          vapidDetails: options.vapid,
          // A day: an alert older than that is news no longer.
          TTL: 86_400,
          urgency: 'normal',
          topic: createHash('sha256').update(message.dedupeKey).digest('base64url').slice(0, 32),
        },
      );
    } catch (error) {
      // The browser's key is not a point of the curve: no message can ever be encrypted for it.
      throw new DeliveryError(`push payload cannot be encrypted: ${(error as Error).message}`, true);
    }
    let response: Response;
    try {
      response = await fetch(request.endpoint, {
        method: 'POST',
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: request.body ?? undefined,
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
    } catch (error) {
      throw new DeliveryError(`push service unreachable: ${(error as Error).message}`);
    }
    const detail = response.ok ? '' : (await response.text().catch(() => '')).slice(0, 300);
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    if (response.status === 404 || response.status === 410) {
      await endSubscription(options.db, subscription.id);
      throw new DeliveryError(`push subscription gone (${response.status}): subscription ended`, true);
    }
    const permanent = response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
    throw new DeliveryError(`push service answered ${response.status}${detail ? `: ${detail}` : ''}`, permanent);
  };
}

/** The browser no longer has it: nothing more is sent to it, the alerts still waiting included. */
async function endSubscription(db: Pick<Db, 'subscription' | 'notification'>, id: string) {
  const ended = await db.subscription.findUnique({ where: { id } });
  if (!ended || ended.unsubscribedAt) return;
  await db.subscription.update({ where: { id }, data: { unsubscribedAt: new Date() } });
  await db.notification.updateMany({
    where: { state: 'pending', recipient: ended.address, channel: 'web_push' },
    data: { state: 'cancelled' },
  });
}
