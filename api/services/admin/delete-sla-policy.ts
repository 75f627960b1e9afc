/**
 * An administrator deletes an SLA policy (a seeded default comes back at the next start: to
 * retire one, deactivate it). Running steps keep the deadline they started with.
 */
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, auditChange, checked, isUuid, type AdminActor } from './admin-actor';
import { adminSlaPolicy } from './find-sla-policies';

export async function deleteSlaPolicy(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.slaPolicy.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'SlaPolicy', row, id);
  assertAllowed(actor.ability, 'delete', checked('SlaPolicy', before));
  await db.slaPolicy.delete({ where: { id } });
  await auditChange(db, actor, {
    action: 'config.delete',
    subjectType: 'SlaPolicy',
    subjectId: id,
    details: { step: before.step, categoryCode: before.categoryCode, level: before.level },
  });
  return adminSlaPolicy(before);
}
