/**
 * Which rollup rows a period is read from (docs/statistics.md): its whole Hà Tĩnh months from the
 * monthly rollups, the days at either end from the daily ones. The days are Hà Tĩnh days already
 * (statistics_day), so a month boundary here is local midnight, 17:00 UTC the day before.
 */
import { addDays } from './statistics-query';

export interface DayRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export interface PeriodPlan {
  /** Ranges of days read from the daily rollups: none, the head, the tail, or both. */
  days: DayRange[];
  /** Whole months read from the monthly rollups (first days of the first and last), or null. */
  months: DayRange | null;
}

/** The first day of a day's month. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `months` months after a month's first day. */
export function addMonths(first: string, months: number): string {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

export function planPeriod(from: string, to: string): PeriodPlan {
  const firstWhole = from === monthStart(from) ? from : addMonths(monthStart(from), 1);
  const afterTo = addDays(to, 1);
  // The month after the last whole one: `to`'s month when it ends the month, else the one before it.
  const afterLastWhole = afterTo === monthStart(afterTo) ? afterTo : monthStart(to);
  if (firstWhole >= afterLastWhole) return { days: [{ from, to }], months: null };
  const days: DayRange[] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  if (afterLastWhole <= to) days.push({ from: afterLastWhole, to });
  return { days, months: { from: firstWhole, to: addMonths(afterLastWhole, -1) } };
}
