/**
 * A calendar's weekly hours are an object keyed by ISO weekday ({ "1": [{ start, end }] }); the
 * form edits them as a list of weekdays (react-admin's ArrayInput wants arrays).
 */
export interface WeekdayRow {
  weekday: number;
  periods: { start: string; end: string }[];
}

export function weeklyHoursToRows(value: unknown): WeekdayRow[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, WeekdayRow['periods']>)
    .map(([weekday, periods]) => ({ weekday: Number(weekday), periods: periods ?? [] }))
    .sort((a, b) => a.weekday - b.weekday);
}

export function rowsToWeeklyHours(rows: WeekdayRow[] | undefined): Record<string, WeekdayRow['periods']> {
  return Object.fromEntries((rows ?? []).map((r) => [String(r.weekday), r.periods ?? []]));
}

/** Edit/Create `transform`: back to the API's shape. */
export function calendarToApi({ weekdays, ...data }: Record<string, any>) {
  return { ...data, weeklyHours: rowsToWeeklyHours(weekdays) };
}
