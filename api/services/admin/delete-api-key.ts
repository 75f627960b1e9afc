/** "Deleting" a key revokes it for good (revokedAt, active false); the row stays for the audit trail. */
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, auditChange, checked, isUuid, type AdminActor } from './admin-actor';
import { adminApiKey } from './find-api-keys';

export async function deleteApiKey(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.apiKey.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'ApiKey', row, id);
  assertAllowed(actor.ability, 'delete', checked('ApiKey', before));
  const revoked = before.revokedAt
    ? before
    : await db.apiKey.update({ where: { id }, data: { revokedAt: new Date(), active: false } });
  await auditChange(db, actor, {
    action: 'config.delete',
    subjectType: 'ApiKey',
    subjectId: id,
    details: { revoked: true, prefix: before.prefix },
  });
  return adminApiKey(revoked);
}
