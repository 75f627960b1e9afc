import type { Db } from '../../../platform/db';
import { assertReadable, isUuid, type AdminActor } from './admin-actor';
import { adminUnit } from './find-units';

export async function getUnit(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.unit.findUnique({ where: { id } }) : null;
  return adminUnit(assertReadable(actor.ability, 'Unit', row, id));
}
