/**
 * Which rollup rows a period is read from (docs/statistics.md): its whole Hà Tĩnh months (or
 * weeks, from Monday) from the monthly (weekly) rollups, the days at either end from the daily
 * ones. The days are Hà Tĩnh days already (statistics_day), so a month boundary here is local
 * midnight, 17:00 UTC the day before.
 */
import { addDays } from './statistics-query';

export type Level = 'month' | 'week';

export interface DayRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export interface WholePeriods {
  level: Level;
  /** First days of the first and last month or week. */
  range: DayRange;
}

export interface PeriodPlan {
  /** Ranges of days read from the daily rollups. */
  days: DayRange[];
  /** Whole months or weeks read from their rollups. */
  whole: WholePeriods[];
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

/** The Monday of a day's week (as PostgreSQL's date_trunc('week')). */
export function weekStart(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** The first day of a level's period holding `day`, and the first day of the one after `first`'s. */
export const LEVELS: Record<Level, { start: (day: string) => string; next: (first: string) => string }> = {
  month: { start: monthStart, next: (first) => addMonths(first, 1) },
  week: { start: weekStart, next: (first) => addDays(first, 7) },
};

export function planPeriod(from: string, to: string, level: Level = 'month'): PeriodPlan {
  const { start, next } = LEVELS[level];
  const firstWhole = from === start(from) ? from : next(start(from));
  const afterTo = addDays(to, 1);
  // The period after the last whole one: `to`'s when `to` ends it, else `to`'s own (not whole).
  const afterLastWhole = afterTo === start(afterTo) ? afterTo : start(to);
  if (firstWhole >= afterLastWhole) return { days: [{ from, to }], whole: [] };
  const days: DayRange[] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  if (afterLastWhole <= to) days.push({ from: afterLastWhole, to });
  return { days, whole: [{ level, range: { from: firstWhole, to: start(addDays(afterLastWhole, -1)) } }] };
}

/**
 * Whole months, then whole weeks in the days left at either end, then days: the fewest rows for a
 * grouping that is not by interval (a week may straddle two months, so not for a trend by month).
 */
export function planMixed(from: string, to: string): PeriodPlan {
  const months = planPeriod(from, to, 'month');
  const plan: PeriodPlan = { days: [], whole: [...months.whole] };
  for (const range of months.days) {
    const weeks = planPeriod(range.from, range.to, 'week');
    plan.days.push(...weeks.days);
    plan.whole.push(...weeks.whole);
  }
  return plan;
}
