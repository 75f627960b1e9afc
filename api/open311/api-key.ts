/**
 * A partner's Open311 API key (ApiKey: only the SHA-256 hex of the key is stored). A key is good
 * when it exists, is active and is not revoked; anything else is 403, with the same answer for a
 * wrong key and a revoked one so nobody learns which keys existed.
 *
 * lastUsedAt is written at most once a minute per key (a conditional update, not awaited by the
 * request): enough to see which partners are alive without a write on every submission.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db';
import type { Language } from '../i18n/language';
import { Open311Error } from './format';
import { open311Message } from './messages';

export interface PartnerKey {
  id: string;
  name: string;
  /** The channel recorded on the partner's cases, always `open311:<partner>`. */
  channel: string;
}

const LAST_USED_RESOLUTION_MS = 60_000;

export async function checkApiKey(
  db: Db,
  key: unknown,
  language: Language,
  now: Date,
  onError: (error: unknown) => void = () => {},
): Promise<PartnerKey> {
  if (typeof key !== 'string' || key.trim() === '') {
    throw Open311Error.of(403, open311Message('api_key_missing', language));
  }
  const keyHash = createHash('sha256').update(key.trim()).digest('hex');
  const row = await db.apiKey.findUnique({
    where: { keyHash },
    select: { id: true, name: true, channel: true, active: true, revokedAt: true },
  });
  if (!row || !row.active || (row.revokedAt && row.revokedAt <= now)) {
    throw Open311Error.of(403, open311Message('api_key_invalid', language));
  }
  db.apiKey
    .updateMany({
      where: {
        id: row.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: now },
    })
    .catch(onError);
  return { id: row.id, name: row.name, channel: partnerChannel(row.channel) };
}

/** ApiKey.channel is documented as `open311:<partner>`; a bare `<partner>` gets the prefix. */
export function partnerChannel(channel: string): string {
  return channel.startsWith('open311:') ? channel : `open311:${channel}`;
}
