/**
 * An administrator deletes a year's calendar (a seeded year comes back at the next start).
 * Deadlines falling in a year without a calendar use the newest year's weekly hours without its
 * holidays (activities/working-calendars.ts merges all rows).
 */
import type { Db } from '../../../platform/db';
import { assertAllowed, assertReadable, auditChange, checked, isUuid, type AdminActor } from './admin-actor';
import { adminCalendar } from './find-calendars';

export async function deleteCalendar(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.workingCalendar.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'WorkingCalendar', row, id);
  assertAllowed(actor.ability, 'delete', checked('WorkingCalendar', before));
  await db.workingCalendar.delete({ where: { id } });
  await auditChange(db, actor, {
    action: 'config.delete',
    subjectType: 'WorkingCalendar',
    subjectId: id,
    details: { year: before.year },
  });
  return adminCalendar(before);
}
