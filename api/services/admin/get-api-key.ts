import type { Db } from '../../../platform/db';
import { assertReadable, isUuid, type AdminActor } from './admin-actor';
import { adminApiKey } from './find-api-keys';

export async function getApiKey(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.apiKey.findUnique({ where: { id } }) : null;
  return adminApiKey(assertReadable(actor.ability, 'ApiKey', row, id));
}
