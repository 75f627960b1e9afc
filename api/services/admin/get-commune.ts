import type { Db } from '../../../platform/db';
import { assertReadable, type AdminActor } from './admin-actor';
import { adminCommune } from './find-communes';

export async function getCommune(db: Db, actor: AdminActor, code: string) {
  const row = await db.commune.findUnique({ where: { code } });
  return adminCommune(assertReadable(actor.ability, 'Commune', row, code));
}
