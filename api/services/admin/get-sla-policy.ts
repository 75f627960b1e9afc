import type { Db } from '../../../platform/db';
import { assertReadable, isUuid, type AdminActor } from './admin-actor';
import { adminSlaPolicy } from './find-sla-policies';

export async function getSlaPolicy(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.slaPolicy.findUnique({ where: { id } }) : null;
  return adminSlaPolicy(assertReadable(actor.ability, 'SlaPolicy', row, id));
}
