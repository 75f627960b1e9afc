/**
 * A message text the outbox must not hold in clear (a one-time sign-in code): sealed with
 * AES-256-GCM under a key derived from APP_SECRET when the row is written, opened by the sender
 * just before it goes to the gateway. The outbox table, its backups and the back office's outbox
 * list then show `sealed:v1:…`, never the code.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('notification-sealed-text:v1').digest();
}

export function sealText(secret: string, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const sealed = Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${sealed.toString('base64url')}`;
}

export function isSealed(text: string): boolean {
  return text.startsWith(PREFIX);
}

/** The text in clear; text that was not sealed is returned as it is. Throws when the key does not fit. */
export function openText(secret: string, text: string): string {
  if (!isSealed(text)) return text;
  const data = Buffer.from(text.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), data.subarray(0, IV_BYTES));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
