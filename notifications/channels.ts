/**
 * How a message leaves the platform, one sender per channel. A sender resolves once the provider
 * has accepted the message and throws a DeliveryError otherwise; `permanent` errors (an address
 * the provider refuses) are not retried.
 */
import type { Config } from '../platform/config';
import type { Notification } from '../prisma/generated/client';
import { createEmailSender } from './email-sender';
import { createHttpGatewaySender } from './http-gateway-sender';
import { openText } from './sealed-text';

export type OutboxChannel = 'email' | 'sms' | 'zalo';

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
  zalo: 'ZALO_GATEWAY_URL',
};

export function sendersFromConfig(
  config: Pick<
    Config,
    | 'SMTP_URL'
    | 'MAIL_FROM'
    | 'SMS_GATEWAY_URL'
    | 'SMS_GATEWAY_TOKEN'
    | 'ZALO_GATEWAY_URL'
    | 'ZALO_GATEWAY_TOKEN'
    | 'APP_SECRET'
  >,
): Senders {
  const email = config.SMTP_URL ? createEmailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }) : undefined;
  return {
    ...(email && { email: email.send }),
    ...(config.SMS_GATEWAY_URL && {
      sms: opening(
        config.APP_SECRET,
        createHttpGatewaySender({ url: config.SMS_GATEWAY_URL, token: config.SMS_GATEWAY_TOKEN }),
      ),
    }),
    ...(config.ZALO_GATEWAY_URL && {
      zalo: createHttpGatewaySender({ url: config.ZALO_GATEWAY_URL, token: config.ZALO_GATEWAY_TOKEN }),
    }),
    close: () => email?.close(),
  };
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
