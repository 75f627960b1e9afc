/**
 * An administrator adds a year's working calendar. It is validated as the deadline arithmetic
 * will read it (domain/working-calendar.ts validateWorkingCalendar); holidays keep their extra
 * fields (source, confirmed) for the editors.
 */
import { validateWorkingCalendar, type WorkingCalendar as DomainCalendar } from '../../../domain/working-calendar';
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import type { Prisma } from '../../../prisma/generated/client';
import { assertAllowed, auditChange, conflictOn, taken, type AdminActor } from './admin-actor';
import { adminCalendar } from './find-calendars';

export interface CalendarInput {
  year: number;
  timeZone?: string;
  weeklyHours: Record<string, { start: string; end: string }[]>;
  holidays?: ({ date: string; name: string } & Record<string, unknown>)[];
  workingDays?: ({ date: string } & Record<string, unknown>)[];
  sources?: string[];
}

export async function createCalendar(db: Db, actor: AdminActor, input: CalendarInput) {
  assertAllowed(actor.ability, 'create', 'WorkingCalendar');
  const data = { timeZone: 'Asia/Ho_Chi_Minh', holidays: [], workingDays: [], sources: [], ...input };
  checkCalendar(data);
  if (await db.workingCalendar.findUnique({ where: { year: input.year }, select: { id: true } })) throw taken('year');
  const row = await db.workingCalendar.create({ data: calendarData(data) }).catch(conflictOn('year'));
  await auditChange(db, actor, {
    action: 'config.create',
    subjectType: 'WorkingCalendar',
    subjectId: row.id,
    details: { year: row.year, fields: Object.keys(input) },
  });
  return adminCalendar(row);
}

/** 422 with every problem, each at its field (e.g. `holidays.2.date`: `duplicate_date`). */
export function checkCalendar(calendar: {
  timeZone: string;
  weeklyHours: unknown;
  holidays: unknown;
  workingDays: unknown;
}) {
  const problems = validateWorkingCalendar(calendar as unknown as DomainCalendar);
  if (problems.length === 0) return;
  const fields: Record<string, { code: string }> = {};
  for (const problem of problems) fields[problem.path.replace(/\[(\d+)\]/g, '.$1')] ??= { code: problem.code };
  throw new AppError('VALIDATION_FAILED', {}, fields);
}

export function calendarData<T extends Partial<CalendarInput>>(input: T) {
  const json = (value: unknown) => value as Prisma.InputJsonValue;
  return {
    ...input,
    ...(input.weeklyHours !== undefined && { weeklyHours: json(input.weeklyHours) }),
    ...(input.holidays !== undefined && { holidays: json(input.holidays) }),
    ...(input.workingDays !== undefined && { workingDays: json(input.workingDays) }),
  } as Omit<T, 'weeklyHours' | 'holidays' | 'workingDays'> & {
    weeklyHours: Prisma.InputJsonValue;
    holidays?: Prisma.InputJsonValue;
    workingDays?: Prisma.InputJsonValue;
  };
}
