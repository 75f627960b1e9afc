/** An administrator edits a year's calendar; deadlines computed afterwards use it (within a minute). */
import type { Db } from '../../../platform/db';
import {
  assertAllowed,
  assertReadable,
  auditChange,
  changedFields,
  checked,
  conflictOn,
  isUuid,
  taken,
  type AdminActor,
} from './admin-actor';
import { calendarData, checkCalendar, type CalendarInput } from './create-calendar';
import { adminCalendar } from './find-calendars';

export async function updateCalendar(db: Db, actor: AdminActor, id: string, input: Partial<CalendarInput>) {
  const row = isUuid(id) ? await db.workingCalendar.findUnique({ where: { id } }) : null;
  const before = assertReadable(actor.ability, 'WorkingCalendar', row, id);
  assertAllowed(actor.ability, 'update', checked('WorkingCalendar', before));
  const fields = changedFields(before, input);
  if (fields.length === 0) return adminCalendar(before);
  const patch = Object.fromEntries(fields.map((f) => [f, input[f]])) as Partial<CalendarInput>;
  checkCalendar({ ...before, ...patch });
  if (
    patch.year !== undefined &&
    (await db.workingCalendar.findFirst({ where: { year: patch.year, id: { not: id } } }))
  )
    throw taken('year');
  const updated = await db.workingCalendar
    .update({ where: { id }, data: calendarData(patch) })
    .catch(conflictOn('year'));
  await auditChange(db, actor, {
    action: 'config.update',
    subjectType: 'WorkingCalendar',
    subjectId: id,
    details: { fields },
  });
  return adminCalendar(updated);
}
