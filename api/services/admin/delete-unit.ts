/**
 * "Deleting" a unit deactivates it: its cases, tasks and announcements keep referring to it, it
 * receives no new case (activities/decide-routing.ts ignores inactive units' rules) and its
 * staff lose the roles they held there at their next request.
 */
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, auditChange, checked, isUuid, type AdminActor } from './admin-actor';
import { adminUnit } from './find-units';

export async function deleteUnit(db: Db, actor: AdminActor, id: string) {
  const before = assertReadable(
    actor.ability,
    'Unit',
    isUuid(id) ? await db.unit.findUnique({ where: { id } }) : null,
    id,
  );
  assertAllowed(actor.ability, 'delete', checked('Unit', before));
  const row = before.active ? await db.unit.update({ where: { id }, data: { active: false } }) : before;
  await auditChange(db, actor, {
    action: 'config.delete',
    subjectType: 'Unit',
    subjectId: id,
    details: { deactivated: true },
  });
  return adminUnit(row);
}
