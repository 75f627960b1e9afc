import type { Db } from '../../../platform/db';
import { assertReadable, isUuid, type AdminActor } from './admin-actor';
import { adminRoutingRule } from './find-routing-rules';

export async function getRoutingRule(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.routingRule.findUnique({ where: { id } }) : null;
  return adminRoutingRule(assertReadable(actor.ability, 'RoutingRule', row, id));
}
