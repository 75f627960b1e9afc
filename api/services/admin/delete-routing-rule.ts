/**
 * An administrator deletes a routing rule. A seeded default comes back at the next start
 * (docs/configuration.md): to retire one, deactivate it (PUT active: false) instead.
 */
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, auditChange, checked, isUuid, type AdminActor } from './admin-actor';
import { adminRoutingRule } from './find-routing-rules';

export async function deleteRoutingRule(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.routingRule.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'RoutingRule', row, id);
  assertAllowed(actor.ability, 'delete', checked('RoutingRule', before));
  await db.routingRule.delete({ where: { id } });
  await auditChange(db, actor, {
    action: 'config.delete',
    subjectType: 'RoutingRule',
    subjectId: id,
    details: { name: before.name, unitId: before.unitId },
  });
  return adminRoutingRule(before);
}
