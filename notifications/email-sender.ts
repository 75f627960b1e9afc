/**
 * Email over SMTP (nodemailer). Subject and body are UTF-8 (Vietnamese diacritics: encoded-word
 * subjects, quoted-printable or base64 bodies, as nodemailer chooses); the HTML part is the text,
 * escaped (render.ts). The Message-ID is derived from the outbox key, so a message sent twice (a
 * worker that died after the server accepted it, before the outbox recorded it) carries the same
 * Message-ID both times and mail clients and providers that de-duplicate by it show one.
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Notification } from '../prisma/generated/client';
import { DeliveryError, type Sender } from './channels';
import { htmlOf, localeOf } from './render';

export function messageIdFor(dedupeKey: string, from: string): string {
  const domain = /@([^>\s"]+)/.exec(from)?.[1] ?? 'localhost';
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 40)}@${domain}>`;
}

export function createEmailSender(options: { smtpUrl: string; from: string; timeoutMs?: number }): {
  send: Sender;
  close: () => void;
} {
  const timeout = options.timeoutMs ?? 30_000;
  // Never read files or URLs named in a message: bodies carry citizens' and officials' words.
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  const send: Sender = async (message: Notification) => {
    try {
      await transport.sendMail({
        from: options.from,
        to: message.recipient,
        subject: message.subject ?? '',
        text: message.body,
        html: htmlOf(message.body, localeOf(message.locale)),
        messageId: messageIdFor(message.dedupeKey, options.from),
        textEncoding: 'base64',
        headers: {
          'X-Notification-Key': message.dedupeKey,
          ...(message.unsubscribe && {
            'List-Unsubscribe': `<${message.unsubscribe}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }),
        },
      });
    } catch (error) {
      const e = error as Error & { responseCode?: number; code?: string };
      // 5xx: the server refuses the message or the mailbox for good; anything else may pass later.
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
      throw new DeliveryError(`${e.code ? `${e.code}: ` : ''}${e.message}`, permanent);
    }
  };
  return { send, close: () => transport.close() };
}
