/**
 * The working calendar for "working time left": the calendars resource (one row per year),
 * merged as the worker merges them (activities/working-calendars.ts: holidays of every year, the
 * newest year's hours). When it cannot be read (a role without access, the API not there yet),
 * standard office hours stand in and the UI says the figure is approximate.
 */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { WorkingCalendar, WorkingPeriod } from '../../../domain/working-calendar';

const OFFICE_DAY: WorkingPeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

export const STANDARD_CALENDAR: WorkingCalendar = {
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours: { 1: OFFICE_DAY, 2: OFFICE_DAY, 3: OFFICE_DAY, 4: OFFICE_DAY, 5: OFFICE_DAY },
  holidays: [],
  workingDays: [],
};

interface CalendarRow {
  year: number;
  timeZone: string;
  weeklyHours: WorkingCalendar['weeklyHours'];
  holidays: { date: string; name: string }[];
  workingDays: WorkingCalendar['workingDays'];
}

export function mergeCalendars(rows: CalendarRow[]): WorkingCalendar | undefined {
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const newest = sorted.at(-1);
  if (!newest) return undefined;
  return {
    timeZone: newest.timeZone,
    weeklyHours: newest.weeklyHours,
    holidays: sorted.flatMap((r) =>
      (Array.isArray(r.holidays) ? r.holidays : []).map(({ date, name }) => ({ date, name })),
    ),
    workingDays: sorted.flatMap((r) => (Array.isArray(r.workingDays) ? r.workingDays : [])),
  };
}

export function useWorkingCalendar(): { calendar: WorkingCalendar; approximate: boolean } {
  const dataProvider = useDataProvider();
  const { data } = useQuery({
    queryKey: ['working-calendar'],
    queryFn: async () => {
      const { data: rows } = await dataProvider.getList<CalendarRow & { id: string }>('calendars', {
        pagination: { page: 1, perPage: 20 },
        sort: { field: 'year', order: 'ASC' },
        filter: {},
      });
      return mergeCalendars(rows) ?? null;
    },
    staleTime: 10 * 60_000,
    retry: false,
    meta: { silent: true },
  });
  return data ? { calendar: data, approximate: false } : { calendar: STANDARD_CALENDAR, approximate: true };
}
