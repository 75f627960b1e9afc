/** Working calendars (one row per year) for the back office: officials read, administrators edit. */
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import type { Prisma, WorkingCalendar } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { pageOf, readableWhere, type AdminActor } from './admin-actor';
import { idFilter, uuidIds } from './list-filters';

export const calendarFilter = z.object({ id: idFilter.optional(), year: z.number().int().optional() }).strict();

export const CALENDAR_SORTABLE = ['year', 'updatedAt', 'id'] as const;

export async function findCalendars(db: Db, actor: AdminActor, query: ListQuery<z.infer<typeof calendarFilter>>) {
  const f = query.filter;
  const where: Prisma.WorkingCalendarWhereInput = {
    AND: [
      readableWhere(actor.ability, 'WorkingCalendar'),
      { ...(f.id && { id: uuidIds(f.id) }), ...(f.year !== undefined && { year: f.year }) },
    ],
  };
  const [rows, total] = await db.$transaction([
    db.workingCalendar.findMany({ where, ...pageOf(query) }),
    db.workingCalendar.count({ where }),
  ]);
  return { rows: rows.map(adminCalendar), total };
}

export function adminCalendar(row: WorkingCalendar) {
  return row;
}
