import type { Db } from '../../../platform/db';
import { assertReadable, isUuid, type AdminActor } from './admin-actor';
import { adminUser, findUserRow } from './find-users';

export async function getUser(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await findUserRow(db, id) : null;
  return adminUser(assertReadable(actor.ability, 'User', row, id));
}
