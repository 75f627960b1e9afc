/**
 * How a message leaves the platform, one sender per channel. A sender resolves once the provider
 * has accepted the message and throws a DeliveryError otherwise; `permanent` errors (an address
 * the provider refuses) are not retried.
 */
import type { Config } from '../platform/config';
import type { Db } from '../platform/db';
import type { Notification } from '../prisma/generated/client';
import { createEmailSender } from './email-sender';
import { createHttpGatewaySender } from './http-gateway-sender';
import { openText } from './sealed-text';
import { createWebPushSender } from './web-push-sender';
import { createZaloZnsSender } from './zalo-zns-sender';

export type OutboxChannel = 'email' | 'sms' | 'zalo' | 'web_push';

export type Sender = (message: Notification) => Promise<void>;

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** The senders this process is configured for; a channel without configuration has none. */
export type Senders = Partial<Record<OutboxChannel, Sender>> & { close?: () => void };

/** Which setting a channel needs, for the "channel not configured" error a message is failed with. */
export const CHANNEL_SETTINGS: Record<OutboxChannel, string> = {
  email: 'SMTP_URL',
  sms: 'SMS_GATEWAY_URL',
  zalo: 'ZALO_GATEWAY_URL or ZALO_MODE=zns',
  web_push: 'WEB_PUSH_VAPID_PUBLIC_KEY',
};

/** The settings the senders read (docker-compose.yml passes each to the API and the workers). */
export const SENDER_SETTINGS = [
  'SMTP_URL',
  'MAIL_FROM',
  'SMS_GATEWAY_URL',
  'SMS_GATEWAY_TOKEN',
  'ZALO_GATEWAY_URL',
  'ZALO_GATEWAY_TOKEN',
  'ZALO_MODE',
  'ZALO_API_URL',
  'ZALO_ACCESS_TOKEN',
  'ZALO_TEMPLATE_ID',
  'WEB_PUSH_VAPID_PUBLIC_KEY',
  'WEB_PUSH_VAPID_PRIVATE_KEY',
  'WEB_PUSH_VAPID_SUBJECT',
  'WEB_PUSH_SERVICE_HOSTS',
  'APP_SECRET',
] as const satisfies readonly (keyof Config)[];

export type SenderSettings = Pick<Config, (typeof SENDER_SETTINGS)[number]>;

export function sendersFromConfig(config: SenderSettings, db: Db): Senders {
  const email = config.SMTP_URL ? createEmailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }) : undefined;
  const zalo = zaloSender(config);
  return {
    ...(email && { email: email.send }),
    ...(config.SMS_GATEWAY_URL && {
      sms: opening(
        config.APP_SECRET,
        createHttpGatewaySender({ url: config.SMS_GATEWAY_URL, token: config.SMS_GATEWAY_TOKEN }),
      ),
    }),
    ...(zalo && { zalo }),
    ...(config.WEB_PUSH_VAPID_PUBLIC_KEY &&
      config.WEB_PUSH_VAPID_PRIVATE_KEY && {
        web_push: createWebPushSender({
          db,
          vapid: {
            publicKey: config.WEB_PUSH_VAPID_PUBLIC_KEY,
            privateKey: config.WEB_PUSH_VAPID_PRIVATE_KEY,
            subject: config.WEB_PUSH_VAPID_SUBJECT,
          },
          serviceHosts: config.WEB_PUSH_SERVICE_HOSTS,
        }),
      }),
    close: () => email?.close(),
  };
}

/** Zalo's sender as ZALO_MODE chooses: Zalo's ZNS API, or the HTTP gateway like SMS. */
function zaloSender(config: SenderSettings): Sender | undefined {
  if (config.ZALO_MODE === 'zns')
    return config.ZALO_ACCESS_TOKEN && config.ZALO_TEMPLATE_ID
      ? createZaloZnsSender({
          url: config.ZALO_API_URL,
          accessToken: config.ZALO_ACCESS_TOKEN,
          templateId: config.ZALO_TEMPLATE_ID,
        })
      : undefined;
  return config.ZALO_GATEWAY_URL
    ? createHttpGatewaySender({ url: config.ZALO_GATEWAY_URL, token: config.ZALO_GATEWAY_TOKEN })
    : undefined;
}

/** A sender that opens a sealed text (a sign-in code, notifications/sealed-text.ts) just before sending. */
export function opening(secret: string, send: Sender): Sender {
  return (message) => {
    let body: string;
    try {
      body = openText(secret, message.body);
    } catch {
      // Sealed under another APP_SECRET: it will never open here, so it is not retried.
      throw new DeliveryError('sealed text cannot be opened with this APP_SECRET', true);
    }
    return send({ ...message, body });
  };
}
