/** An administrator renames a key, or deactivates / reactivates it (a revoked key stays revoked). */
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import { partnerChannel } from '../../open311/api-key';
import {
  assertAllowed,
  assertReadable,
  auditChange,
  changedFields,
  checked,
  isUuid,
  type AdminActor,
} from './admin-actor';
import type { ApiKeyInput } from './create-api-key';
import { adminApiKey } from './find-api-keys';

export async function updateApiKey(db: Db, actor: AdminActor, id: string, input: Partial<ApiKeyInput>) {
  const row = isUuid(id) ? await db.apiKey.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'ApiKey', row, id);
  assertAllowed(actor.ability, 'update', checked('ApiKey', before));
  if (before.revokedAt && input.active === true) throw new AppError('WRONG_STATE'); // revoked is for good
  const given = { ...input, ...(input.channel !== undefined && { channel: partnerChannel(input.channel) }) };
  const fields = changedFields(before, given);
  if (fields.length === 0) return adminApiKey(before);
  const patch = Object.fromEntries(fields.map((f) => [f, given[f]])) as Partial<ApiKeyInput>;
  const updated = await db.apiKey.update({ where: { id }, data: patch });
  await auditChange(db, actor, { action: 'config.update', subjectType: 'ApiKey', subjectId: id, details: { fields } });
  return adminApiKey(updated);
}
