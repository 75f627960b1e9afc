/**
 * An administrator issues an Open311 key for a partner channel. The key is random, returned once
 * (`key`) and stored only as its SHA-256 (api/open311/api-key.ts checks it) with its first
 * characters (`prefix`) to recognise it in lists.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db';
import { partnerChannel } from '../../open311/api-key';
import { assertAllowed, auditChange, conflictOn, type AdminActor } from './admin-actor';
import { adminApiKey } from './find-api-keys';

export interface ApiKeyInput {
  name: string;
  channel: string;
  active?: boolean;
}

const PREFIX_LENGTH = 10;

export async function createApiKey(db: Db, actor: AdminActor, input: ApiKeyInput) {
  assertAllowed(actor.ability, 'create', 'ApiKey');
  const key = `fr_${randomBytes(24).toString('base64url')}`;
  const row = await db.apiKey
    .create({
      data: {
        ...input,
        channel: partnerChannel(input.channel),
        keyHash: createHash('sha256').update(key).digest('hex'),
        prefix: key.slice(0, PREFIX_LENGTH),
        createdById: actor.userId,
      },
    })
    .catch(conflictOn('key'));
  await auditChange(db, actor, {
    action: 'config.create',
    subjectType: 'ApiKey',
    subjectId: row.id,
    details: { name: row.name, channel: row.channel, prefix: row.prefix },
  });
  return { ...adminApiKey(row), key };
}
