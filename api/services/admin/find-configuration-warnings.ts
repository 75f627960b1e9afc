/**
 * What in the configuration will quietly make the platform less right, for the administrators who
 * can fix it (shown on their home page):
 * - no working calendar for this year, or for next year from October on: a deadline past the last
 *   configured year counts no public holiday (activities/working-calendars.ts cannot know them);
 * - holidays of this or next year marked `confirmed: false` (seeded from the Labour Code before the
 *   Prime Minister's decision for the year is published);
 * - active communes without a boundary: a report's commune cannot be found from its point there.
 * Codes and parameters only: the back office words them in its language.
 */
import { DateTime } from 'luxon';
import type { Db } from '../../../platform/db';
import { Prisma } from '../../../prisma/generated/client';
import { assertAllowed, type AdminActor } from './admin-actor';

export type ConfigurationWarning =
  | { code: 'calendar_missing'; severity: 'error' | 'warning'; year: number }
  | { code: 'holidays_unconfirmed'; severity: 'warning'; year: number; dates: string[] }
  | { code: 'communes_without_boundary'; severity: 'info'; count: number; total: number };

/** From this month on, next year's calendar is expected. */
const NEXT_YEAR_EXPECTED_FROM_MONTH = 10;
const PROVINCE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export async function findConfigurationWarnings(
  db: Db,
  actor: AdminActor,
  now: Date = new Date(),
): Promise<ConfigurationWarning[]> {
  assertAllowed(actor.ability, 'update', 'WorkingCalendar');
  const today = DateTime.fromJSDate(now).setZone(PROVINCE_TIME_ZONE);
  const years = [today.year, ...(today.month >= NEXT_YEAR_EXPECTED_FROM_MONTH ? [today.year + 1] : [])];
  const [calendars, communes, withoutBoundary] = await Promise.all([
    db.workingCalendar.findMany({ where: { year: { in: years } }, select: { year: true, holidays: true } }),
    db.commune.count({ where: { active: true } }),
    db.commune.count({ where: { active: true, boundary: { equals: Prisma.AnyNull } } }),
  ]);
  const warnings: ConfigurationWarning[] = [];
  for (const year of years) {
    const calendar = calendars.find((c) => c.year === year);
    if (!calendar) {
      warnings.push({ code: 'calendar_missing', severity: year === today.year ? 'error' : 'warning', year });
      continue;
    }
    const unconfirmed = (Array.isArray(calendar.holidays) ? calendar.holidays : [])
      .filter((h) => (h as { confirmed?: unknown })?.confirmed === false)
      .map((h) => String((h as { date?: unknown }).date));
    if (unconfirmed.length > 0)
      warnings.push({ code: 'holidays_unconfirmed', severity: 'warning', year, dates: unconfirmed.sort() });
  }
  if (withoutBoundary > 0)
    warnings.push({ code: 'communes_without_boundary', severity: 'info', count: withoutBoundary, total: communes });
  return warnings;
}
