import type { Db } from '../../../platform/db';
import { assertReadable, isUuid, type AdminActor } from './admin-actor';
import { adminCalendar } from './find-calendars';

export async function getCalendar(db: Db, actor: AdminActor, id: string) {
  const row = isUuid(id) ? await db.workingCalendar.findUnique({ where: { id } }) : null;
  return adminCalendar(assertReadable(actor.ability, 'WorkingCalendar', row, id));
}
